# Sources of core/procserv
