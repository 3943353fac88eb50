// What imitation reads of the firms a firm meets, as cards (agents/learning_contacts.hpp).
#include "agents/learning_contacts.hpp"

#include "test_support.hpp"

using namespace vicsim;

TEST_CASE("learning_contacts: every card reads as the firm arrays, in the directory's and the roster's order",
          "[agents]") {
  auto r = test::run(test::load("platform_led.json", {"mechanisms.population.count=600", "ticks=13"}));
  auto& c = r.model->mutable_context();
  auto& f = c.world.firms;
  // A member that left the market but is still on the roster: its card must reach no one.
  std::size_t gone_type = 0;
  sim::FirmIndex gone = sim::Firms::kGone;
  for (std::size_t t = 0; t < c.members_of_type.size() && gone == sim::Firms::kGone; ++t)
    if (!c.members_of_type[t].empty()) {
      gone = c.members_of_type[t].front();
      gone_type = t;
    }
  REQUIRE(gone != sim::Firms::kGone);
  f.alive[gone] = 0;

  const agents::LearningContacts cards(c, true);
  for (sim::FirmIndex j = 0; j < f.size(); ++j) {
    const agents::PeerCard& card = cards.firm(j);
    REQUIRE(card.slot == j);
    REQUIRE(card.productivity == f.productivity[j]);
    REQUIRE(card.region == f.region[j]);
    REQUIRE(card.alive == f.alive[j]);
  }
  std::size_t local_cards = 0;
  for (std::size_t region = 0; region < c.world.regions.size(); ++region)
    for (std::size_t t = 0; t < c.directory.n_types(); ++t) {
      const auto& [industry, stage] = c.type_of[t];
      const auto& list = c.directory.of_type_in(region, industry, stage);
      const auto local = cards.local(region, t);
      REQUIRE(local.size() == list.size());
      for (std::size_t k = 0; k < list.size(); ++k) {
        REQUIRE(local[k].slot == list[k]);
        REQUIRE(local[k].productivity == f.productivity[list[k]]);
        REQUIRE(local[k].region == f.region[list[k]]);
      }
      local_cards += local.size();
    }
  CHECK(local_cards == c.directory.alive().size());
  std::size_t member_cards = 0;
  for (std::size_t t = 0; t < c.directory.n_types(); ++t) {
    const auto& roster = c.members_of_type[t];
    const auto members = cards.members(t);
    REQUIRE(members.size() == roster.size());
    for (std::size_t k = 0; k < roster.size(); ++k) {
      REQUIRE(members[k].slot == roster[k]);
      REQUIRE(members[k].productivity == f.productivity[roster[k]]);
      REQUIRE(members[k].platforms == (f.alive[roster[k]] ? f.platforms[roster[k]] : 0u));
    }
    member_cards += members.size();
  }
  CHECK(member_cards > 10);
  CHECK(cards.members(gone_type).front().platforms == 0u);
  CHECK(f.platforms[gone] != 0u);

  const agents::LearningContacts without_members(c, false);
  for (std::size_t t = 0; t < c.directory.n_types(); ++t) CHECK(without_members.members(t).empty());
}
