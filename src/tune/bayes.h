#pragma once
// Bayesian optimization: a GP surrogate of the loss, and an acquisition function that says where to
// look next. Also the views the search-arena UI draws from the same model (2-D slices, 1-D curve).
#include <memory>
#include <optional>
#include <vector>

#include "core/json.h"
#include "tune/gp.h"
#include "tune/sampler.h"
#include "tune/warping.h"

namespace tunelab::tune {

// Where the GP has seen nothing, it expects a loss one standard deviation above the observed
// mean instead of the average one. With an average prior mean, EI's maximum follows the
// posterior σ, which is largest on the box's faces (nothing is observed beyond them): on the
// benchmark suite (tools/bench-search) half of all proposals went there. With this one EI explores
// only where σ can beat the incumbent, not merely where it is largest. Chosen on that suite: 2
// cut the faces a little more but let the model give up exploring too early (Branin@30 0.06).
constexpr double kPriorMeanAboveObserved = 1.0;

// ... and it expects the loss to rise towards the box's faces: the prior mean adds
// kFaceWall · Σ_d ((2u_d − 1)⁴ − ⅕) standard deviations over the numeric parameters' unit
// coordinates u (0 on average over the box, +0.4 at the middle of a face in every dimension, more
// at corners, flat in the middle third). Why: a stationary GP's σ is largest at the faces and
// corners (nothing is observed beyond them), and once the incumbent's basin is explored EI's
// maximum follows σ there; along an input the fit deems irrelevant (length-scale 3-5 on
// Hartmann-6) σ still grows towards a face while the mean stays flat. With a constant prior mean
// 24-33 % of the proposals on Hartmann-3/6 and up to 40 % on Michalewicz-5 lay on a face; with this
// wall 0-5 %, with equal or lower regret on 12 of the 14 functions of tools/bench-search. A
// quadratic mean of the same kind (Snoek et al. 2015 used one to keep DNGO off the boundaries)
// pushed too early in the interior and left 12 % on Hartmann-3; the quartic bends only near
// the faces. Where the data show low losses at a face, the posterior follows them there.
constexpr double kFaceWall = 0.5;

// Trials still running (several at once) are not observations: the GP is fitted on the finished
// ones alone, and the function's values at the running trials are drawn from the posterior —
// jointly: one after the other, each draw conditioned on the ones before as an exact value — and
// the acquisition averaged over this many such fantasies, each with its own incumbent (the lowest
// mean at the observed and the fantasized points). That is BoTorch's q-EI with the running trials
// as X_pending (Balandat et al. 2020; Wilson, Hutter & Deisenroth 2018), by plain Monte Carlo: a
// point beside a running one gains little, as the running one may already find what it would find.
// tools/bench-parallel part 2, ratio of mean regret at 40 trials, 4 at once against one at a time,
// Branin / Hartmann-6 (seeds 1-100): the best-loss lie with the GP refitted to it (CL-min, the
// previous default, whose initial design waited for finished trials) 4.4 / 1.5; the mean as the
// lie (kriging believer, θ fitted on the finished trials) 1.2 / 1.3, but 3.0 / 1.2 on seeds
// 101-300; 8 fantasies drawn as noisy evaluations 1.2 / 1.15 and 2.3 / 1.3 (a pending point's
// neighbour kept the noise's σ: 4 proposals piled within 0.001); as exact values 1.3 / 1.16 and
// 1.6 / 1.2, 4 or 16 of them the same within a standard error. Local penalization (González et
// al. 2016, as GPyOpt; L the mean's largest gradient on 256 Sobol' points): 1.3 / 1.5 and 0.9 /
// 1.8; its penalty on top of the fantasies: 1.25 / 1.13 and 1.3 / 1.18, on seeds 1-300 a paired
// regret difference from the fantasies alone of 0.7 / 0.8 standard errors.
constexpr int kPendingFantasies = 8;

struct BayesOptions {
    int initial_points = 0;  // quasi-random points before the first model; 0: max(5, 2d)
    Acquisition acquisition;
    int candidates = 384;    // quasi-random candidates per proposal before local refinement
    bool warp_outputs = true;  // model a power transform of the losses (warping.h)
    double face_wall = kFaceWall;
    bool constant_liar = false;  // running trials are fantasized (kPendingFantasies), not left out
    GaussianProcess::FitOptions fit{.bounds = {}, .prior = {.mean = kPriorMeanAboveObserved}};
};

// The GP on a space's features: each float/int parameter is one coordinate in [0, 1] (log
// parameters in log space), each categorical is one-hot, an inactive parameter sits mid-range.
// With `warp_outputs` the GP models the power-transformed losses (warping.h). The last
// `observations.lies` observations are running trials: their losses are not used, they are fantasized
// (kPendingFantasies) for the acquisition; the posterior, its views and the incumbent are the
// finished trials' alone.
class Surrogate {
public:
    Surrogate(const Space& space, const Observations& observations, Rng& rng,
              const GaussianProcess::FitOptions& fit, const Eigen::VectorXd* warm_start = nullptr,
              bool warp_outputs = true, double face_wall = kFaceWall);

    const Space& space() const { return space_; }
    const GaussianProcess& gp() const { return gp_; }
    const PowerTransform& warping() const { return warp_; }
    // The incumbent EI and PI try to beat, in the GP's standardized units: the lowest posterior
    // mean at an observed point, not the lowest observation, so that a lucky draw of a noisy
    // objective is not taken for the bar (the "plug-in" incumbent, Picheny et al. 2013).
    double incumbent() const { return incumbent_; }

    // Posterior at points given as unit coordinates (one row each, see space.h), in the loss's
    // units: the median (the mean mapped back through the warping) and half the width of the ±1σ
    // band mapped back. σ is the latent function's (seed noise excluded) or, `with_noise`, that of
    // a new evaluation there: √(σ² + the fitted noise variance).
    void predict(const Eigen::MatrixXd& unit, Eigen::VectorXd& mean, Eigen::VectorXd& stddev, bool with_noise = false) const;
    // The ±k σ band in the loss's units.
    void band(const Eigen::MatrixXd& unit, double k, Eigen::VectorXd& lower, Eigen::VectorXd& upper,
              bool with_noise = false) const;
    // The fitted observation noise's standard deviation in the loss's units, near the incumbent.
    double noise_stddev() const;
    // The posterior in the GP's standardized units (what the acquisition sees).
    void posterior(const Eigen::MatrixXd& unit, Eigen::VectorXd& mean, Eigen::VectorXd& stddev) const;
    // The fitted noise variance in those units.
    double noise_variance() const { return gp_.noise_variance() * gp_.y_scale() * gp_.y_scale(); }
    // Acquisition at unit points, for one concrete kind (not Hedge).
    Eigen::VectorXd acquisition(const Eigen::MatrixXd& unit, const Acquisition& acq) const;
    // ... from a posterior in the GP's standardized units.
    Eigen::VectorXd acquisition(const Eigen::VectorXd& mean, const Eigen::VectorXd& stddev, const Acquisition& acq) const;
    // The acquisition's maximizer: quasi-random candidates, then compass search around the best.
    std::vector<double> maximize(const Acquisition& acq, Rng& rng, int candidates) const;
    // Length-scale of each parameter (a categorical's one-hot features: their shortest).
    std::vector<double> length_scales() const;

private:
    Eigen::MatrixXd features(const Eigen::MatrixXd& unit) const;
    // The prior mean's rise towards the faces at each unit point (kFaceWall), in standardized units.
    Eigen::VectorXd wall(const Eigen::MatrixXd& unit) const;
    double to_loss(double standardized) const;

    Space space_;
    bool continuous_;  // only unconditional floats: the features are the unit coordinates
    GaussianProcess gp_;
    PowerTransform warp_;
    double face_wall_;
    double y_mean_ = 0, y_scale_ = 1;  // of the warped losses
    double incumbent_;
    std::vector<std::vector<double>> incumbents_;  // unit points of the best observations
    std::vector<std::vector<double>> observed_;    // unit points of every observation, running trials' too
    struct Fantasy {
        GaussianProcess gp;  // gp_ with the running trials at drawn losses
        double incumbent;
    };
    std::vector<Fantasy> fantasies_;  // none when nothing is running
};

// A 2-D slice through the space at `anchor` (other parameters held there), row-major
// [iy * resolution + ix], in the loss's units (the UI negates for a maximized study).
struct SliceView {
    int dim_x = 0, dim_y = 1, resolution = 0;
    std::vector<double> xs, ys;  // parameter values along each axis
    std::vector<double> mean, stddev, acquisition;  // stddev: of the function, noise excluded
    std::vector<double> stddev_with_noise;          // of a new evaluation: the function's and the noise
    double noise_stddev = 0;     // the fitted observation noise (loss units), not in `stddev`
    Values next;                 // the point the sampler will ask next
};

// The 1-D teaching view: mean, a ±2σ band and the acquisition along one parameter.
struct CurveView {
    int dim = 0;
    std::vector<double> xs, mean, lower, upper, acquisition;  // the band: of the function, noise excluded
    std::vector<double> lower_with_noise, upper_with_noise;  // the band of a new evaluation
    double noise_stddev = 0;     // the fitted observation noise (loss units), not in the band
    Values next;
};

class BayesSampler : public Sampler {
public:
    explicit BayesSampler(BayesOptions options) : options_(std::move(options)) {}
    std::string name() const override { return "bayes"; }
    Proposal ask(const Study& study) override;
    bool prepare(const Study& study) override;  // fits the model in one call, proposes in the next

    const BayesOptions& options() const { return options_; }
    // Changing ξ/κ or the kind keeps the fitted model: views recompute in a few milliseconds.
    void set_acquisition(const Acquisition& acq) { options_.acquisition = acq; }
    int initial_points(const Space& space) const;

    // The model the next ask will use, or nullptr while the initial design is still running.
    // Fitted once per study state and cached, so the views below share it with ask().
    const Surrogate* model(const Study& study);
    SliceView slice(const Study& study, int dim_x, int dim_y, const Values& anchor, int resolution);
    CurveView curve(const Study& study, int dim, int resolution);

private:
    Proposal propose(const Study& study, const Surrogate& model) const;
    // propose(), cached until the study or the acquisition settings change: prepare(), ask() and
    // the views' "next point" are one computation.
    const Proposal& next_proposal(const Study& study, const Surrogate& model);
    // The view's acquisition (a hedge draws its first member, EI) and the model's posterior.
    Acquisition view_acquisition() const;

    // Everything a fitted model depends on: a sampler reused across studies (or one study replaced
    // by another of as many trials) must never return the other study's model.
    struct ModelKey {
        json::Value space;         // the parameters and their ranges
        uint64_t seed = 0;         // with next_number: the fit's random stream
        int next_number = -1;
        Observations observations;
        std::vector<double> warm_start;  // the hyperparameters noted with the latest model-based trial
        bool operator==(const ModelKey&) const = default;
    };

    BayesOptions options_;
    std::unique_ptr<Surrogate> cached_;
    ModelKey cached_for_;
    int fits_ = 0;                     // models fitted so far: which one a proposal belongs to
    std::optional<Proposal> proposal_;
    int proposal_for_ = -1;            // the fit (fits_) proposal_ was maximized on
    Acquisition proposal_acquisition_;  // the settings proposal_ was maximized under
};

}  // namespace tunelab::tune
