// A declaration a macro writes is named, but not rewritten.
#include <memory>
#include <vector>

#define BACK_POINTER(Type, name) std::shared_ptr<Type> name

struct Board;
struct Piece {
  BACK_POINTER(Board, board);  // CYCLE: Piece::board -> Board::pieces ; BACKREF: Piece::board
};
struct Board {
  std::vector<std::shared_ptr<Piece>> pieces;  // EDGE: Board::pieces
};
