package io.crystallize.stats;

/**
 * Real roots of a·t³ + b·t² + c·t + d (a ≠ 0): the trigonometric form when there are three, Cardano's
 * otherwise, each polished by Newton steps on the cubic itself so that they are accurate to rounding.
 */
final class Cubic {

    private static final int POLISH = 3;

    private Cubic() {
    }

    static double[] realRoots(double a, double b, double c, double d) {
        double p2 = b / a;
        double p1 = c / a;
        double p0 = d / a;
        // t = s − p2/3 turns t³ + p2·t² + p1·t + p0 into s³ + P·s + Q
        double shift = p2 / 3;
        double pp = p1 - p2 * p2 / 3;
        double qq = 2 * p2 * p2 * p2 / 27 - p2 * p1 / 3 + p0;
        double discriminant = qq * qq / 4 + pp * pp * pp / 27;
        double[] roots;
        if (discriminant < 0) {
            double radius = 2 * Math.sqrt(-pp / 3);
            double angle = Math.acos(Math.max(-1, Math.min(1, 3 * qq / (pp * radius)))) / 3;
            roots = new double[3];
            for (int k = 0; k < 3; k++) {
                roots[k] = radius * Math.cos(angle - 2 * Math.PI * k / 3) - shift;
            }
        } else {
            double root = Math.sqrt(discriminant);
            roots = new double[] {Math.cbrt(-qq / 2 + root) + Math.cbrt(-qq / 2 - root) - shift};
        }
        for (int i = 0; i < roots.length; i++) {
            roots[i] = polish(roots[i], p2, p1, p0);
        }
        return roots;
    }

    private static double polish(double t, double p2, double p1, double p0) {
        for (int i = 0; i < POLISH; i++) {
            double value = ((t + p2) * t + p1) * t + p0;
            double slope = (3 * t + 2 * p2) * t + p1;
            if (slope == 0 || value == 0) {
                break;
            }
            double next = t - value / slope;
            if (!Double.isFinite(next) || Math.abs(((next + p2) * next + p1) * next + p0) >= Math.abs(value)) {
                break;
            }
            t = next;
        }
        return t;
    }
}
