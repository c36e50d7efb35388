package io.crystallize.samples.performance;

import java.util.Arrays;

/** Two ways to sort the same array: the quadratic textbook one and the JDK's dual-pivot quicksort. */
enum SortAlgorithm {
    INSERTION {
        @Override
        void sort(int[] values) {
            for (int i = 1; i < values.length; i++) {
                int v = values[i];
                int j = i - 1;
                while (j >= 0 && values[j] > v) {
                    values[j + 1] = values[j];
                    j--;
                }
                values[j + 1] = v;
            }
        }
    },
    JDK {
        @Override
        void sort(int[] values) {
            Arrays.sort(values);
        }
    };

    abstract void sort(int[] values);
}
