# Sources of core/hosts
