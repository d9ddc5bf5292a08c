#include "tune/pareto.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace tunelab::tune {

namespace {

bool dominates(const ObjectivePoint& a, const ObjectivePoint& b) {
    bool strictly = false;
    for (size_t j = 0; j < a.size(); ++j) {
        if (a[j] > b[j]) return false;
        strictly = strictly || a[j] < b[j];
    }
    return strictly;
}

// Points already better than the reference in every coordinate; d ≥ 1.
double sliced_volume(std::vector<ObjectivePoint> points, const ObjectivePoint& reference) {
    const size_t d = reference.size();
    if (points.empty()) return 0;
    if (d == 1) {
        double best = reference[0];
        for (const ObjectivePoint& p : points) best = std::min(best, p[0]);
        return reference[0] - best;
    }
    // Slabs between successive values of the last coordinate: in each, the points at or below its
    // lower face dominate a (d−1)-dimensional region, the same across the slab.
    std::sort(points.begin(), points.end(), [&](const ObjectivePoint& a, const ObjectivePoint& b) { return a[d - 1] < b[d - 1]; });
    const ObjectivePoint lower_reference(reference.begin(), reference.end() - 1);
    std::vector<ObjectivePoint> below;
    double volume = 0;
    for (size_t i = 0; i < points.size(); ++i) {
        below.emplace_back(points[i].begin(), points[i].end() - 1);
        const double top = i + 1 < points.size() ? points[i + 1][d - 1] : reference[d - 1];
        if (top > points[i][d - 1]) volume += sliced_volume(below, lower_reference) * (top - points[i][d - 1]);
    }
    return volume;
}

}  // namespace

std::vector<int> nondominated_ranks(const std::vector<ObjectivePoint>& points) {
    const size_t n = points.size();
    std::vector<int> rank(n, -1), dominated_by(n, 0);
    std::vector<std::vector<size_t>> dominates_list(n);
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j)
            if (i != j && dominates(points[i], points[j])) {
                dominates_list[i].push_back(j);
                ++dominated_by[j];
            }
    std::vector<size_t> front;
    for (size_t i = 0; i < n; ++i)
        if (dominated_by[i] == 0) front.push_back(i);
    for (int r = 0; !front.empty(); ++r) {
        std::vector<size_t> next;
        for (size_t i : front) {
            rank[i] = r;
            for (size_t j : dominates_list[i])
                if (--dominated_by[j] == 0) next.push_back(j);
        }
        front = std::move(next);
    }
    return rank;
}

double hypervolume(std::vector<ObjectivePoint> points, const ObjectivePoint& reference) {
    if (reference.empty()) throw std::invalid_argument("hypervolume: a reference point needs at least one coordinate");
    std::erase_if(points, [&](const ObjectivePoint& p) {
        if (p.size() != reference.size())
            throw std::invalid_argument("hypervolume: a point of " + std::to_string(p.size()) + " objectives against a reference of " +
                                        std::to_string(reference.size()));
        for (size_t j = 0; j < p.size(); ++j)
            if (!(p[j] < reference[j])) return true;  // NaN too
        return false;
    });
    // Only the front adds volume; leaving the rest out keeps the slicing's work small.
    const std::vector<int> ranks = nondominated_ranks(points);
    std::vector<ObjectivePoint> front;
    for (size_t i = 0; i < points.size(); ++i)
        if (ranks[i] == 0) front.push_back(std::move(points[i]));
    return sliced_volume(std::move(front), reference);
}

std::vector<Measure> trade_off_measures(const Study& study) {
    return study.multi_objective() ? study.objectives() : std::vector<Measure>{Measure::value, Measure::flops};
}

ObjectivePoint trade_off_point(const Study& study, const Trial& trial) {
    ObjectivePoint point;
    for (Measure m : trade_off_measures(study))
        point.push_back(m == Measure::value ? study.loss(trial.value.value_or(NAN)) : std::log10(std::max(trial.cost.flops, 1.0)));
    return point;
}

std::vector<int> pareto_front(const Study& study) {
    std::vector<ObjectivePoint> points;
    std::vector<int> numbers;
    for (const Trial& t : study.trials())
        if (t.status == TrialStatus::complete) {
            points.push_back(trade_off_point(study, t));
            numbers.push_back(t.number);
        }
    const std::vector<int> ranks = nondominated_ranks(points);
    std::vector<size_t> front;
    for (size_t i = 0; i < points.size(); ++i)
        if (ranks[i] == 0) front.push_back(i);
    // By increasing cost, ties by the other objectives: one point per trade-off in reading order.
    std::stable_sort(front.begin(), front.end(), [&](size_t a, size_t b) {
        return std::lexicographical_compare(points[a].rbegin(), points[a].rend(), points[b].rbegin(), points[b].rend());
    });
    std::vector<int> out;
    for (size_t i : front) out.push_back(numbers[i]);
    return out;
}

std::optional<TradeOffBox> trade_off_box(const Objective& objective, const std::vector<Measure>& measures) {
    TradeOffBox box;
    for (Measure m : measures) {
        const std::optional<std::array<double, 2>> range = m == Measure::value ? objective.value_range() : objective.flops_range();
        if (!range) return std::nullopt;
        double best = (*range)[0], worst = (*range)[1];
        if (m == Measure::value && objective.direction() == Direction::maximize) best = -(*range)[1], worst = -(*range)[0];
        if (m == Measure::flops) best = std::log10(std::max(best, 1.0)), worst = std::log10(std::max(worst, 1.0));
        // A cost that hardly varies (under 1 % in log10) is no trade-off.
        if (!(worst - best > 0.01 * std::max(1.0, std::abs(worst)))) return std::nullopt;
        box.ideal.push_back(best);
        box.nadir.push_back(worst);
    }
    return box;
}

namespace {

// A complete trial's point scaled to the box: at least 0, as a run stopped early can cost less than
// the cheapest full-length one.
ObjectivePoint scaled_point(const Study& study, const Trial& t, const TradeOffBox& box) {
    ObjectivePoint p = trade_off_point(study, t);
    if (p.size() != box.ideal.size()) throw std::invalid_argument("hypervolume: the box has other objectives than the study");
    for (size_t j = 0; j < p.size(); ++j) p[j] = std::max(0.0, (p[j] - box.ideal[j]) / (box.nadir[j] - box.ideal[j]));
    return p;
}

}  // namespace

double hypervolume_share(const Study& study, const TradeOffBox& box, int trials) {
    const std::vector<double> curve = hypervolume_curve(study, box);
    if (curve.empty() || trials == 0) return 0;
    return trials < 0 || size_t(trials) > curve.size() ? curve.back() : curve[size_t(trials) - 1];
}

std::vector<double> hypervolume_curve(const Study& study, const TradeOffBox& box) {
    // The front so far, updated trial by trial: a curve over n trials costs n small fronts' volumes,
    // not n volumes of everything (the arena redraws it every frame).
    const size_t d = box.ideal.size();
    const ObjectivePoint reference(d, 1 + kReferenceMargin);
    const double whole = std::pow(1 + kReferenceMargin, double(d));
    std::vector<ObjectivePoint> front;
    std::vector<double> curve;
    double share = 0;
    for (const Trial& t : study.trials()) {
        if (t.status == TrialStatus::complete) {
            ObjectivePoint p = scaled_point(study, t, box);
            const bool beaten = std::any_of(front.begin(), front.end(), [&](const ObjectivePoint& f) { return dominates(f, p) || f == p; });
            if (!beaten) {
                std::erase_if(front, [&](const ObjectivePoint& f) { return dominates(p, f); });
                front.push_back(std::move(p));
                share = hypervolume(front, reference) / whole;
            }
        }
        curve.push_back(share);
    }
    return curve;
}

}  // namespace tunelab::tune
