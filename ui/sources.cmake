# Sources of ui/ (except console/)
