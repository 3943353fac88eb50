#include "experiments/shapley.hpp"

#include <bit>
#include <catch2/catch.hpp>
#include <cmath>

using namespace vicsim::experiments;

namespace {
/** A synthetic game with additive parts, a pairwise interaction and a three-way one:
 * v(S) = 3·[0] − 2·[1] + 0.5·[2] + 4·[0]·[1] + 1.5·[1]·[2]·[3] + 0.25·|S|². */
double game(std::uint32_t s) {
  auto in = [&](int g) { return ((s >> g) & 1u) ? 1.0 : 0.0; };
  const double n = std::popcount(s);
  return 3 * in(0) - 2 * in(1) + 0.5 * in(2) + 4 * in(0) * in(1) + 1.5 * in(1) * in(2) * in(3) + 0.25 * n * n;
}
}  // namespace

TEST_CASE("shapley: exact values are efficient and match the closed form", "[experiments]") {
  const auto phi = exact_shapley(5, game);
  double sum = 0;
  for (double x : phi) sum += x;
  CHECK(sum == Approx(game(31) - game(0)).margin(1e-12));
  // Closed form: additive terms go to their player, the pair splits 4 in halves, the triple 1.5 in thirds,
  // and 0.25·|S|² (symmetric) gives every player 0.25·25/5 = 1.25.
  CHECK(phi[0] == Approx(3 + 2 + 1.25));
  CHECK(phi[1] == Approx(-2 + 2 + 0.5 + 1.25));
  CHECK(phi[2] == Approx(0.5 + 0.5 + 1.25));
  CHECK(phi[3] == Approx(0.5 + 1.25));
  CHECK(phi[4] == Approx(1.25));
}

TEST_CASE("shapley: a dummy player gets zero and symmetric players get equal values", "[experiments]") {
  const auto v = [](std::uint32_t s) {
    return ((s & 3u) == 3u ? 10.0 : 0.0);
  };  // players 0,1 needed together
  const auto phi = exact_shapley(3, v);
  CHECK(phi[0] == Approx(5));
  CHECK(phi[1] == Approx(5));
  CHECK(phi[2] == 0.0);
  const auto me = main_effects(3, v);
  CHECK(me[0] == 0.0);  // alone each does nothing: all of it is interaction
}

TEST_CASE("shapley: sampled orderings are efficient and converge to the exact values", "[experiments]") {
  const auto exact = exact_shapley(5, game);
  const auto perms = sample_permutations(5, 4000, 7);
  const auto est = permutation_shapley(5, perms, game);
  double sum = 0;
  for (std::size_t g = 0; g < 5; ++g) {
    sum += est.value[g];
    CHECK(std::abs(est.value[g] - exact[g]) < 4 * est.mc_se[g] + 1e-9);
  }
  CHECK(sum == Approx(game(31) - game(0)).margin(1e-9));
  // Reproducible, and every prefix of every ordering is a coalition to run.
  CHECK(sample_permutations(5, 10, 7) == sample_permutations(5, 10, 7));
  const auto cs = permutation_coalitions(sample_permutations(5, 3, 7));
  CHECK(cs.front() == 0u);
  CHECK(cs.back() == 31u);
}
