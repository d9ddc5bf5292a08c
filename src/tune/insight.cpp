#include "tune/insight.h"

#include <algorithm>
#include <set>

namespace tunelab::tune {

namespace {

double variance(const Eigen::VectorXd& x) { return (x.array() - x.mean()).square().mean(); }

std::vector<double> normalized(std::vector<double> w) {
    double total = 0;
    for (double x : w) total += x;
    if (total > 0)
        for (double& x : w) x /= total;
    return w;
}

}  // namespace

std::vector<double> length_scale_importance(const Surrogate& model) {
    std::vector<double> w = model.length_scales();
    for (double& x : w) x = 1 / x;
    return normalized(w);
}

std::vector<double> variance_importance(const Surrogate& model, Rng& rng, int samples, int levels) {
    const Space& space = model.space();
    const Eigen::Index d = Eigen::Index(space.size());
    Eigen::MatrixXd base(samples, d);
    for (Eigen::Index i = 0; i < base.size(); ++i) base.data()[i] = rng.uniform();
    Eigen::VectorXd mean, stddev;
    model.predict(base, mean, stddev);
    const double total = variance(mean);
    std::vector<double> share(size_t(d), 0.0);
    if (total <= 0) return share;
    for (Eigen::Index j = 0; j < d; ++j) {
        const Param& p = space.params()[size_t(j)];
        int n = p.kind == ParamKind::categorical ? int(p.choices.size()) : levels;
        Eigen::MatrixXd points(Eigen::Index(n) * samples, d);
        for (int level = 0; level < n; ++level) {
            points.middleRows(Eigen::Index(level) * samples, samples) = base;
            points.middleRows(Eigen::Index(level) * samples, samples).col(j).setConstant((level + 0.5) / n);
        }
        model.predict(points, mean, stddev);
        // Main effect at each level: μ averaged over the other parameters.
        Eigen::VectorXd effect = Eigen::Map<Eigen::MatrixXd>(mean.data(), samples, n).colwise().mean().transpose();
        share[size_t(j)] = std::min(1.0, variance(effect) / total);
    }
    return share;
}

Histogram histogram(const Study& study, int param, int bins) {
    const Space& space = study.space();
    const Param& p = space.params()[size_t(param)];
    if (p.kind == ParamKind::categorical) bins = int(p.choices.size());
    Histogram h;
    h.counts.assign(size_t(bins), 0);
    for (int b = 0; b <= bins; ++b)
        h.edges.push_back(p.kind == ParamKind::categorical ? b - 0.5 : space.decode(size_t(param), double(b) / bins));
    std::set<double> seen;
    for (const Trial& t : study.trials()) {
        double v = t.params[size_t(param)];
        if (!is_active(v)) continue;
        seen.insert(v);
        int bin = int(space.encode(size_t(param), v) * bins);
        ++h.counts[size_t(std::clamp(bin, 0, bins - 1))];
    }
    h.distinct = int(seen.size());
    return h;
}

}  // namespace tunelab::tune
