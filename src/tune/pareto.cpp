#include "tune/pareto.h"

#include <algorithm>

namespace tunelab::tune {

std::vector<int> pareto_front(const Study& study, CostMeasure measure) {
    struct Point {
        double cost, loss;
        int number;
    };
    std::vector<Point> points;
    for (const Trial& t : study.trials())
        if (t.status == TrialStatus::complete)
            points.push_back({measure == CostMeasure::flops ? t.cost.flops : t.cost.seconds, study.loss(*t.value), t.number});
    // Sweep by increasing cost (ties: lower loss first): a point is on the front exactly when its
    // loss beats every cheaper point's.
    std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) {
        return a.cost != b.cost ? a.cost < b.cost : a.loss < b.loss;
    });
    std::vector<int> front;
    double best_loss = INFINITY;
    for (const Point& p : points)
        if (p.loss < best_loss) {
            best_loss = p.loss;
            front.push_back(p.number);
        }
    return front;
}

}  // namespace tunelab::tune
