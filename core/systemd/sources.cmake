# Sources of core/systemd
