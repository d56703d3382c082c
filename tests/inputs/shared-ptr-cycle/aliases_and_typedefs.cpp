// Type aliases and typedefs are seen through.
#include <memory>
#include <vector>

struct Customer;
struct Order;
using CustomerRef = std::shared_ptr<Customer>;
typedef std::shared_ptr<Order> OrderPtr;
typedef std::vector<OrderPtr> OrderList;

struct Customer {
  OrderList orders;  // CYCLE: Customer::orders -> Order::customer
};
struct Order {
  CustomerRef customer;  // EDGE: Order::customer ; BACKREF: Order::customer => std::weak_ptr<Customer> customer;
};
