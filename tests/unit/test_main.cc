// The unit-test binary's main: doctest's, run by CTest per test case.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
