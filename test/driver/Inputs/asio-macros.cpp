// Compiles only if the Asio coroutine macros are what the test expects.
#if defined(EXPECT_NO_MACROS)
#if defined(ASIO_HAS_CO_AWAIT) || defined(BOOST_ASIO_HAS_CO_AWAIT)
#error "coroutine macros defined for C++17"
#endif
#elif defined(EXPECT_OWN_MACROS)
static_assert(ASIO_HAS_CO_AWAIT == 42, "the command's -D was overridden");
#ifdef ASIO_HAS_STD_COROUTINE
#error "the command's -U was overridden"
#endif
static_assert(BOOST_ASIO_HAS_CO_AWAIT == 1 && BOOST_ASIO_HAS_STD_COROUTINE == 1);
#elif defined(EXPECT_ALL_MACROS)
static_assert(ASIO_HAS_CO_AWAIT == 1 && ASIO_HAS_STD_COROUTINE == 1);
static_assert(BOOST_ASIO_HAS_CO_AWAIT == 1 && BOOST_ASIO_HAS_STD_COROUTINE == 1);
#else
#error "no expectation given"
#endif
