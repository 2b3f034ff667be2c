# Sources of ui/console
