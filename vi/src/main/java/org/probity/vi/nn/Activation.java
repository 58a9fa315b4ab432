package org.probity.vi.nn;

/** An elementwise activation with its derivative written in terms of the input and output. */
public enum Activation {
  /** y = x. */
  IDENTITY {
    @Override
    double apply(double x) {
      return x;
    }

    @Override
    double derivative(double x, double y) {
      return 1;
    }
  },
  /** y = tanh(x). */
  TANH {
    @Override
    double apply(double x) {
      return Math.tanh(x);
    }

    @Override
    double derivative(double x, double y) {
      return 1 - y * y;
    }
  },
  /** y = max(x, 0). */
  RELU {
    @Override
    double apply(double x) {
      return x > 0 ? x : 0;
    }

    @Override
    double derivative(double x, double y) {
      return x > 0 ? 1 : 0;
    }
  },
  /** y = log(1 + e^x), stable. */
  SOFTPLUS {
    @Override
    double apply(double x) {
      return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    @Override
    double derivative(double x, double y) {
      return 1 / (1 + Math.exp(-x));
    }
  },
  /** y = 1 / (1 + e^-x). */
  SIGMOID {
    @Override
    double apply(double x) {
      return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    @Override
    double derivative(double x, double y) {
      return y * (1 - y);
    }
  };

  /** The activation of x. */
  abstract double apply(double x);

  /** dy/dx at input x with output y. */
  abstract double derivative(double x, double y);
}
