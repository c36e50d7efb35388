package ${package};

import java.util.random.RandomGenerator;

/** How many visitors buy at a price: the code an experiment puts to the test. */
public final class PriceModel {

    private final double basePrice;

    public PriceModel(double basePrice) {
        this.basePrice = basePrice;
    }

    /** The price after a discount, e.g. 0.10 for ten percent off. */
    public double price(double discount) {
        if (discount < 0 || discount >= 1) {
            throw new IllegalArgumentException("discount must lie in [0, 1), got " + discount);
        }
        return basePrice * (1 - discount);
    }

    /** Revenue per visitor over {@code visitors} visitors whose willingness to pay varies at random. */
    public double revenuePerVisitor(double discount, int visitors, RandomGenerator random) {
        double price = price(discount);
        double revenue = 0;
        for (int i = 0; i < visitors; i++) {
            double willingToPay = basePrice * (0.6 + 0.5 * random.nextDouble());
            if (willingToPay >= price) {
                revenue += price;
            }
        }
        return revenue / visitors;
    }
}
