// Many-to-many: both edges hold containers. A vector of shared_ptr becomes a vector of
// weak_ptr, a set or map keyed on the pointer compares its weak keys by owner; an unordered
// one cannot hash a weak_ptr, so the other edge is named.
#include <map>
#include <memory>
#include <set>
#include <unordered_set>
#include <vector>

struct Course;
struct Student {
  std::vector<std::shared_ptr<Course>> courses;  // CYCLE: Student::courses -> Course::students
};
struct Course {
  std::set<std::shared_ptr<Student>> students;  // EDGE: Course::students ; BACKREF: Course::students => std::set<std::weak_ptr<Student>, std::owner_less<>> students;
};

struct Tag;
struct Post {
  std::map<std::shared_ptr<Tag>, int> tags;  // CYCLE: Post::tags -> Tag::posts ; BACKREF: Post::tags => std::map<std::weak_ptr<Tag>, int, std::owner_less<>> tags;
};
struct Tag {
  std::unordered_set<std::shared_ptr<Post>> posts;  // EDGE: Tag::posts
};

struct Team;
struct Member {
  std::vector<std::shared_ptr<Team>> teams;  // CYCLE: Member::teams -> Team::members
};
struct Team {
  std::vector<std::shared_ptr<Member>> members;  // EDGE: Team::members ; BACKREF: Team::members => std::vector<std::weak_ptr<Member>> members;
};
