// Two cycles share a record: each is reported once, with its own edges.
#include <memory>
#include <vector>

struct Player;
struct Team;
struct League {
  std::vector<std::shared_ptr<Team>> teams;      // CYCLE: League::teams -> Team::league
  std::vector<std::shared_ptr<Player>> players;  // CYCLE: League::players -> Player::league
};
struct Team {
  std::shared_ptr<League> league;  // EDGE: Team::league ; BACKREF: Team::league => std::weak_ptr<League> league;
};
struct Player {
  std::shared_ptr<League> league;  // EDGE: Player::league ; BACKREF: Player::league => std::weak_ptr<League> league;
};
