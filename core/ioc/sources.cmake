# Sources of core/ioc
target_sources(iocdock-core PRIVATE
    ioc/ioc.h ioc/ioc.cpp)
