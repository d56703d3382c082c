// Two cycles close through the same field: it is named once.
#include <memory>
#include <vector>

struct Player;
struct Club {
  std::vector<std::shared_ptr<Player>> squad;  // CYCLE: Club::squad -> Player::club
  std::shared_ptr<Player> captain;             // CYCLE: Club::captain -> Player::club
};
struct Player {
  std::shared_ptr<Club> club;  // EDGE: Player::club ; BACKREF: Player::club => std::weak_ptr<Club> club;
};
