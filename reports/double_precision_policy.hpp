#pragma once
/** @file The Boost.Math policy every statistical function of vicsim uses: double arithmetic throughout.
 *
 * By default Boost.Math evaluates double functions in long double and fills long-double tables in static
 * initializers at program start. Valgrind emulates long double with 64-bit doubles, so those initializers
 * overflow and abort vicsim before main() under callgrind or memcheck (tests/cli/valgrind_start.sh).
 */
#include <boost/math/policies/policy.hpp>

namespace vicsim::reports {

using DoublePolicy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

}  // namespace vicsim::reports
