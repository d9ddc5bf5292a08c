#include "tune/bayes.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include "core/limits.h"
#include "tune/sobol.h"

namespace tunelab::tune {

namespace {

constexpr uint64_t kFitPurpose = 11, kAcquisitionPurpose = 12;
// A fitted noise variance below this (in standardized units) counts as none, and two points this
// close in every unit coordinate as the same.
constexpr double kNegligibleNoise = 1e-4, kSamePoint = 1e-3;

Eigen::MatrixXd to_matrix(const std::vector<std::vector<double>>& rows, size_t cols) {
    Eigen::MatrixXd m(Eigen::Index(rows.size()), Eigen::Index(cols));
    for (size_t i = 0; i < rows.size(); ++i)
        for (size_t j = 0; j < cols; ++j) m(Eigen::Index(i), Eigen::Index(j)) = rows[i][j];
    return m;
}

// A step beyond a face of the unit cube mirrored back inside it (once is enough for short steps).
// Clamping instead would put every such step exactly on the face, where the GP's variance is
// largest (nothing is observed beyond it): a point of mass the acquisition then often prefers.
double reflect(double x) { return std::clamp(x < 0 ? -x : x > 1 ? 2 - x : x, 0.0, 1.0); }

size_t feature_count(const Space& space) {
    size_t n = 0;
    for (const Param& p : space.params()) n += p.kind == ParamKind::categorical ? p.choices.size() : 1;
    return n;
}

}  // namespace

Surrogate::Surrogate(const Space& space, const Observations& obs, Rng& rng, const GaussianProcess::FitOptions& fit,
                     const Eigen::VectorXd* warm_start, bool warp_outputs, double face_wall)
    : space_(space), face_wall_(face_wall) {
    continuous_ = std::all_of(space.params().begin(), space.params().end(),
                              [](const Param& p) { return p.kind == ParamKind::real && p.parent.empty(); });
    for (const Values& v : obs.params) observed_.push_back(space.encode(v));
    const Eigen::Index finished = Eigen::Index(obs.observed()), running = Eigen::Index(obs.lies);
    const Eigen::MatrixXd all = to_matrix(observed_, space.size()), observed = all.topRows(finished);
    const Eigen::VectorXd loss = Eigen::Map<const Eigen::VectorXd>(obs.loss.data(), finished);
    if (warp_outputs) warp_ = PowerTransform::fit(loss);
    const Eigen::VectorXd y = loss.unaryExpr([&](double v) { return warp_(v); });
    y_mean_ = y.mean();
    const double var = y.size() > 1 ? (y.array() - y_mean_).square().sum() / double(y.size() - 1) : 0.0;
    y_scale_ = var > 1e-24 ? std::sqrt(var) : 1.0;
    // The GP models what the wall leaves; posterior() adds the wall back.
    const Eigen::VectorXd z = (y.array() - y_mean_) / y_scale_ - wall(observed).array();
    gp_.fit(features(observed), z, rng, fit, warm_start);
    Eigen::VectorXd mean, stddev;
    posterior(observed, mean, stddev);
    incumbent_ = mean.minCoeff();
    // The best few observations seed the acquisition search: the optimum is often near them.
    std::vector<size_t> order(obs.observed());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return obs.loss[a] < obs.loss[b]; });
    for (size_t i = 0; i < std::min<size_t>(5, order.size()); ++i) incumbents_.push_back(observed_[order[i]]);
    if (running == 0) return;
    // Each fantasy draws the function's values at the running trials one after the other from the GP
    // conditioned on the draws before (a joint draw); θ stays the finished trials' fit.
    const Eigen::MatrixXd pending = features(all.bottomRows(running)), all_features = features(all);
    const Eigen::VectorXd all_wall = wall(all);
    for (int k = 0; k < kPendingFantasies; ++k) {
        GaussianProcess fantasy = gp_;
        for (Eigen::Index i = 0; i < running; ++i) {
            fantasy.predict(pending.row(i), mean, stddev);
            const double drawn = mean(0) + stddev(0) * rng.normal();
            // A point it refuses (on top of another) adds nothing the fantasy lacks.
            fantasy.add_observations(pending.row(i), Eigen::VectorXd::Constant(1, drawn));
        }
        fantasy.predict(all_features, mean, stddev);
        const double incumbent = (mean + all_wall).minCoeff();
        fantasies_.push_back({std::move(fantasy), incumbent});
    }
}

Eigen::MatrixXd Surrogate::features(const Eigen::MatrixXd& unit) const {
    if (continuous_) return unit.cwiseMax(0.0).cwiseMin(1.0);  // features are the unit coordinates
    Eigen::MatrixXd f = Eigen::MatrixXd::Zero(unit.rows(), Eigen::Index(feature_count(space_)));
    std::vector<double> u(space_.size());
    for (Eigen::Index r = 0; r < unit.rows(); ++r) {
        for (size_t i = 0; i < u.size(); ++i) u[i] = unit(r, Eigen::Index(i));
        Values values = space_.decode(u);
        Eigen::Index col = 0;
        for (size_t i = 0; i < space_.size(); ++i) {
            const Param& p = space_.params()[i];
            if (p.kind != ParamKind::categorical) {
                f(r, col++) = space_.encode(i, values[i]);  // ints land on their rounded value
                continue;
            }
            if (is_active(values[i])) f(r, col + Eigen::Index(values[i])) = 1.0;
            col += Eigen::Index(p.choices.size());
        }
    }
    return f;
}

Eigen::VectorXd Surrogate::wall(const Eigen::MatrixXd& unit) const {
    Eigen::VectorXd w = Eigen::VectorXd::Zero(unit.rows());
    if (face_wall_ == 0) return w;
    for (size_t i = 0; i < space_.size(); ++i)
        if (space_.params()[i].kind != ParamKind::categorical)  // one-hot choices have no faces
            w.array() += (2 * unit.col(Eigen::Index(i)).array() - 1).square().square() - 0.2;  // E[(2u − 1)⁴] = ⅕
    return face_wall_ * w;
}

void Surrogate::posterior(const Eigen::MatrixXd& unit, Eigen::VectorXd& mean, Eigen::VectorXd& stddev) const {
    gp_.predict(features(unit), mean, stddev);
    mean += wall(unit);
}

double Surrogate::to_loss(double z) const { return warp_.inverse(z * y_scale_ + y_mean_); }

void Surrogate::band(const Eigen::MatrixXd& unit, double k, Eigen::VectorXd& lower, Eigen::VectorXd& upper,
                     bool with_noise) const {
    Eigen::VectorXd mean, stddev;
    posterior(unit, mean, stddev);
    if (with_noise) stddev = (stddev.array().square() + noise_variance()).sqrt();
    lower = (mean - k * stddev).unaryExpr([&](double z) { return to_loss(z); });
    upper = (mean + k * stddev).unaryExpr([&](double z) { return to_loss(z); });
}

void Surrogate::predict(const Eigen::MatrixXd& unit, Eigen::VectorXd& mean, Eigen::VectorXd& stddev, bool with_noise) const {
    Eigen::VectorXd lower, upper;
    posterior(unit, mean, stddev);
    band(unit, 1, lower, upper, with_noise);
    mean = mean.unaryExpr([&](double z) { return to_loss(z); });
    stddev = (upper - lower) / 2;
}

double Surrogate::noise_stddev() const {
    const double noise = std::sqrt(noise_variance());
    return (to_loss(incumbent_ + noise) - to_loss(incumbent_ - noise)) / 2;
}

Eigen::VectorXd Surrogate::acquisition(const Eigen::MatrixXd& unit, const Acquisition& acq) const {
    Eigen::VectorXd mean, stddev, a;
    if (fantasies_.empty()) {
        posterior(unit, mean, stddev);
        a = acquisition(mean, stddev, acq);
    } else {
        a = Eigen::VectorXd::Zero(unit.rows());
        const Eigen::MatrixXd f = features(unit);
        const Eigen::VectorXd w = wall(unit);
        for (const Fantasy& fantasy : fantasies_) {
            fantasy.gp.predict(f, mean, stddev);
            mean += w;
            for (Eigen::Index i = 0; i < a.size(); ++i) a(i) += acq(mean(i), stddev(i), fantasy.incumbent);
        }
        a /= double(fantasies_.size());
    }
    // Trying an observed point again teaches nothing when the objective has no noise to average
    // out; yet EI stays positive there (the model keeps a floor of noise), and when the model
    // thinks nothing else can beat the incumbent it would propose the incumbent itself, trial
    // after trial.
    if (gp_.noise_variance() < kNegligibleNoise)
        for (Eigen::Index r = 0; r < unit.rows(); ++r)
            for (const std::vector<double>& seen : observed_)
                if ((unit.row(r) - Eigen::Map<const Eigen::RowVectorXd>(seen.data(), unit.cols())).cwiseAbs().maxCoeff() < kSamePoint)
                    a(r) = std::min(a(r), 0.0);
    return a;
}

Eigen::VectorXd Surrogate::acquisition(const Eigen::VectorXd& mean, const Eigen::VectorXd& stddev,
                                       const Acquisition& acq) const {
    // In the GP's standardized units, so ξ and κ mean the same whatever the loss's scale.
    Eigen::VectorXd a(mean.size());
    for (Eigen::Index i = 0; i < a.size(); ++i) a(i) = acq(mean(i), stddev(i), incumbent_);
    return a;
}

std::vector<double> Surrogate::maximize(const Acquisition& acq, Rng& rng, int candidates) const {
    const size_t d = space_.size();
    // Candidates: a randomly shifted Sobol' design over the whole cube, plus Gaussian steps around
    // the incumbents (global coverage and local precision).
    std::vector<std::vector<double>> points = Sobol(int(d)).first(uint32_t(candidates));
    std::vector<double> shift(d);
    for (double& s : shift) s = rng.uniform();
    for (auto& u : points)
        for (size_t j = 0; j < d; ++j) u[j] = std::fmod(u[j] + shift[j], 1.0);
    for (const auto& incumbent : incumbents_)
        for (int i = 0; i < 16; ++i) {
            std::vector<double> u = incumbent;
            for (double& x : u) x = reflect(x + 0.05 * rng.normal());
            points.push_back(std::move(u));
        }
    Eigen::VectorXd score = acquisition(to_matrix(points, d), acq);

    // Local refinement by compass search from the two best candidates: try ±step along every
    // axis, move to the best improvement, halve the step when none improves.
    std::vector<Eigen::Index> order(size_t(score.size()));
    std::iota(order.begin(), order.end(), 0);
    const int starts = 2;
    std::partial_sort(order.begin(), order.begin() + starts, order.end(),
                      [&](Eigen::Index a, Eigen::Index b) { return score(a) > score(b); });
    std::vector<double> best_point = points[size_t(order[0])];
    double best_score = score(order[0]);
    for (int start = 0; start < starts; ++start) {
        std::vector<double> x = points[size_t(order[size_t(start)])];
        double value = score(order[size_t(start)]);
        Eigen::MatrixXd probes(Eigen::Index(2 * d), Eigen::Index(d));
        for (double step = 0.05; step > 1e-3;) {
            for (size_t j = 0; j < 2 * d; ++j) {
                for (size_t k = 0; k < d; ++k) probes(Eigen::Index(j), Eigen::Index(k)) = x[k];
                double& coordinate = probes(Eigen::Index(j), Eigen::Index(j / 2));
                coordinate = std::clamp(coordinate + (j % 2 ? step : -step), 0.0, 1.0);
            }
            Eigen::VectorXd probe_score = acquisition(probes, acq);
            Eigen::Index best_probe;
            if (probe_score.maxCoeff(&best_probe) > value) {
                value = probe_score(best_probe);
                for (size_t k = 0; k < d; ++k) x[k] = probes(best_probe, Eigen::Index(k));
            } else {
                step /= 2;
            }
        }
        if (value > best_score) best_score = value, best_point = x;
    }
    return best_point;
}

std::vector<double> Surrogate::length_scales() const {
    Eigen::VectorXd ls = gp_.length_scales();
    std::vector<double> out;
    Eigen::Index col = 0;
    for (const Param& p : space_.params()) {
        Eigen::Index width = p.kind == ParamKind::categorical ? Eigen::Index(p.choices.size()) : 1;
        out.push_back(ls.segment(col, width).minCoeff());
        col += width;
    }
    return out;
}

int BayesSampler::initial_points(const Space& space) const {
    return options_.initial_points > 0 ? options_.initial_points : std::max(5, 2 * int(space.size()));
}

const Surrogate* BayesSampler::model(const Study& study) {
    Observations all = observations(study, options_.constant_liar ? PendingLie::best : PendingLie::none);
    // The initial design counts running trials too, so that trials at once use as many quasi-random points as
    // one at a time (4 at once would otherwise draw 8 on Branin, where one at a time draws 5).
    if (int(all.size()) < initial_points(study.space()) || all.observed() == 0) return nullptr;
    Observations obs = best_observations(std::move(all), limits::kMaxGpObservations);
    ModelKey key{space_to_json(study.space()), study.seed(), study.next_number(), std::move(obs), {}};
    for (const Trial& t : study.trials())
        if (!t.sampler_state.empty()) key.warm_start = t.sampler_state;
    if (!cached_ || !(key == cached_for_)) {
        Rng rng = study.rng_for(study.next_number(), kFitPurpose);
        std::optional<Eigen::VectorXd> warm;
        if (!key.warm_start.empty())
            warm = Eigen::Map<const Eigen::VectorXd>(key.warm_start.data(), Eigen::Index(key.warm_start.size()));
        cached_ = std::make_unique<Surrogate>(study.space(), key.observations, rng, options_.fit, warm ? &*warm : nullptr,
                                              options_.warp_outputs, options_.face_wall);
        cached_for_ = std::move(key);
        ++fits_;
    }
    return cached_.get();
}

Proposal BayesSampler::propose(const Study& study, const Surrogate& model) const {
    const Acquisition& acq = options_.acquisition;
    Rng rng = study.rng_for(study.next_number(), kAcquisitionPurpose);
    if (acq.kind != AcquisitionKind::hedge) {
        Proposal p{study.space().decode(model.maximize(acq, rng, options_.candidates))};
        p.source = tunelab::name(acq.kind);
        return p;
    }
    // GP-Hedge: each member nominates its maximizer; one is chosen with probability ∝ exp(η g),
    // where a member's gain g sums the current posterior's (negated, standardized) mean at the
    // points it chose before: members whose picks turned out good get chosen more.
    const AcquisitionKind members[] = {AcquisitionKind::expected_improvement,
                                       AcquisitionKind::probability_of_improvement,
                                       AcquisitionKind::confidence_bound};
    std::vector<double> gain(3, 0.0);
    for (const Trial& t : study.trials())
        for (int j = 0; j < 3; ++j)
            if (t.source == tunelab::name(members[j])) {
                Eigen::VectorXd mean, stddev;
                Eigen::MatrixXd u = Eigen::Map<const Eigen::RowVectorXd>(study.space().encode(t.params).data(),
                                                                         Eigen::Index(study.space().size()));
                model.posterior(u, mean, stddev);
                gain[size_t(j)] -= mean(0);
            }
    const double eta = 1.0, top = *std::max_element(gain.begin(), gain.end());
    std::vector<double> weight(3);
    for (int j = 0; j < 3; ++j) weight[size_t(j)] = std::exp(eta * (gain[size_t(j)] - top));
    double pick = rng.uniform() * (weight[0] + weight[1] + weight[2]);
    int chosen = 0;
    while (chosen < 2 && pick >= weight[size_t(chosen)]) pick -= weight[size_t(chosen++)];
    Acquisition member = acq;
    member.kind = members[chosen];
    Proposal p{study.space().decode(model.maximize(member, rng, options_.candidates))};
    p.source = tunelab::name(member.kind);
    return p;
}

const Proposal& BayesSampler::next_proposal(const Study& study, const Surrogate& model) {
    if (!proposal_ || proposal_for_ != fits_ || !(proposal_acquisition_ == options_.acquisition)) {
        proposal_ = propose(study, model);
        proposal_->sampler_state.assign(model.gp().theta().begin(), model.gp().theta().end());
        proposal_for_ = fits_;
        proposal_acquisition_ = options_.acquisition;
    }
    return *proposal_;
}

bool BayesSampler::prepare(const Study& study) {
    const int fitted = fits_;
    const Surrogate* m = model(study);
    if (!m) return false;                          // still the initial design: nothing costly to prepare
    if (fits_ != fitted) return true;              // this call fitted the GP; the proposal comes next call
    const bool proposed = proposal_ && proposal_for_ == fits_ && proposal_acquisition_ == options_.acquisition;
    if (proposed) return false;
    next_proposal(study, *m);
    return true;
}

Proposal BayesSampler::ask(const Study& study) {
    if (const Surrogate* m = model(study)) return next_proposal(study, *m);
    Proposal p{study.space().decode(QuasiRandomSampler::unit_point(study, study.next_number(), false))};
    p.source = "init";
    return p;
}

Acquisition BayesSampler::view_acquisition() const {
    // A hedge has no single surface: draw its first member, EI.
    Acquisition acq = options_.acquisition;
    if (acq.kind == AcquisitionKind::hedge) acq.kind = AcquisitionKind::expected_improvement;
    return acq;
}

SliceView BayesSampler::slice(const Study& study, int dim_x, int dim_y, const Values& anchor, int resolution) {
    SliceView view;
    view.dim_x = dim_x, view.dim_y = dim_y, view.resolution = resolution;
    const Space& space = study.space();
    std::vector<double> base = space.encode(anchor);
    Eigen::MatrixXd grid(Eigen::Index(resolution * resolution), Eigen::Index(space.size()));
    for (int iy = 0; iy < resolution; ++iy)
        for (int ix = 0; ix < resolution; ++ix) {
            Eigen::Index row = iy * resolution + ix;
            for (size_t k = 0; k < space.size(); ++k) grid(row, Eigen::Index(k)) = base[k];
            grid(row, dim_x) = (ix + 0.5) / resolution;
            grid(row, dim_y) = (iy + 0.5) / resolution;
        }
    for (int i = 0; i < resolution; ++i) {
        view.xs.push_back(space.decode(size_t(dim_x), (i + 0.5) / resolution));
        view.ys.push_back(space.decode(size_t(dim_y), (i + 0.5) / resolution));
    }
    const Surrogate* m = model(study);
    if (!m) return view;
    Eigen::VectorXd mean, stddev;
    m->predict(grid, mean, stddev);
    const Eigen::VectorXd a = m->acquisition(grid, view_acquisition());
    view.mean.assign(mean.begin(), mean.end());
    view.stddev.assign(stddev.begin(), stddev.end());
    m->predict(grid, mean, stddev, true);
    view.stddev_with_noise.assign(stddev.begin(), stddev.end());
    view.acquisition.assign(a.begin(), a.end());
    view.noise_stddev = m->noise_stddev();
    view.next = next_proposal(study, *m).params;
    return view;
}

CurveView BayesSampler::curve(const Study& study, int dim, int resolution) {
    CurveView view;
    view.dim = dim;
    const Space& space = study.space();
    Eigen::MatrixXd line = Eigen::MatrixXd::Constant(resolution, Eigen::Index(space.size()), 0.5);
    for (int i = 0; i < resolution; ++i) {
        double u = resolution > 1 ? double(i) / (resolution - 1) : 0.5;
        line(i, dim) = u;
        view.xs.push_back(space.decode(size_t(dim), u));
    }
    const Surrogate* m = model(study);
    if (!m) return view;
    Eigen::VectorXd mean, stddev, lower, upper;
    m->predict(line, mean, stddev);
    m->band(line, 2, lower, upper);
    const Eigen::VectorXd a = m->acquisition(line, view_acquisition());
    view.mean.assign(mean.begin(), mean.end());
    view.lower.assign(lower.begin(), lower.end());
    view.upper.assign(upper.begin(), upper.end());
    m->band(line, 2, lower, upper, true);
    view.lower_with_noise.assign(lower.begin(), lower.end());
    view.upper_with_noise.assign(upper.begin(), upper.end());
    view.acquisition.assign(a.begin(), a.end());
    view.noise_stddev = m->noise_stddev();
    view.next = next_proposal(study, *m).params;
    return view;
}

}  // namespace tunelab::tune
