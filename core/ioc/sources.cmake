# Sources of core/ioc
