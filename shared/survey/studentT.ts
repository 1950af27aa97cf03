/** The standard normal's 97.5 % point, the limit of Student's t as the degrees of freedom grow. */
const NORMAL_975 = 1.959963984540054;

/**
 * Above this many degrees of freedom the Cornish–Fisher series is within
 * 1e-10 of the exact value, and cheaper than the finite sum, whose length
 * grows with the degrees of freedom.
 */
const SERIES_FROM = 100;

/**
 * Student's t at 97.5 % (the half-width factor of a two-sided 95 %
 * interval) for `df` whole degrees of freedom, 1 or more. Written out rather
 * than taken from a statistics library, whose general quantile brings its
 * incomplete-beta machinery into the app's first screen and the plan worker.
 */
export function studentT975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom must be a whole number ≥ 1, not ${df}`);
  if (df > SERIES_FROM) return cornishFisher975(df);
  // Solve P(|T| < t) = 0.95 for θ = atan(t / √df), where the probability is a finite sum.
  let theta = Math.atan(cornishFisher975(df) / Math.sqrt(df));
  for (let i = 0; i < 50; i++) {
    const { probability, slope } = centralProbability(theta, df);
    const step = (probability - 0.95) / slope;
    theta -= step;
    if (Math.abs(step) < 1e-15) break;
  }
  return Math.sqrt(df) * Math.tan(theta);
}

/**
 * P(|T| < √df·tan θ) for Student's t with whole `df` (Abramowitz & Stegun
 * 26.7.3–4), and its derivative in θ, which is the sum's next term times
 * cos θ. The probability is increasing and concave in θ, so Newton's method
 * converges from either side.
 */
function centralProbability(theta: number, df: number): { probability: number; slope: number } {
  const sin = Math.sin(theta);
  const cos = Math.cos(theta);
  if (df === 1) return { probability: (2 / Math.PI) * theta, slope: 2 / Math.PI };
  const cos2 = cos * cos;
  if (df % 2 === 0) {
    // sin θ · (1 + ½cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3·…·(df−3))/(2·4·…·(df−2))cos^(df−2)θ)
    let term = 1;
    let sum = 1;
    for (let k = 2; k < df; k += 2) {
      term *= ((k - 1) / k) * cos2;
      sum += term;
    }
    return { probability: sin * sum, slope: term * (df - 1) * cos };
  }
  // (2/π) · (θ + sin θ · (cos θ + (2/3)cos³θ + … + (2·4·…·(df−3))/(1·3·…·(df−2))cos^(df−2)θ))
  let term = cos;
  let sum = cos;
  for (let k = 3; k < df; k += 2) {
    term *= ((k - 1) / k) * cos2;
    sum += term;
  }
  return { probability: (2 / Math.PI) * (theta + sin * sum), slope: (2 / Math.PI) * term * (df - 1) * cos };
}

/** The Cornish–Fisher expansion of t's 97.5 % point in powers of 1/df (Abramowitz & Stegun 26.7.5). */
function cornishFisher975(df: number): number {
  const x = NORMAL_975;
  const x2 = x * x;
  const g1 = (x * (x2 + 1)) / 4;
  const g2 = (x * ((5 * x2 + 16) * x2 + 3)) / 96;
  const g3 = (x * (((3 * x2 + 19) * x2 + 17) * x2 - 15)) / 384;
  const g4 = (x * ((((79 * x2 + 776) * x2 + 1482) * x2 - 1920) * x2 - 945)) / 92160;
  return x + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}
