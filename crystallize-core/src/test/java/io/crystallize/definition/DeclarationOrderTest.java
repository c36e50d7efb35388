package io.crystallize.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclarationOrderTest {

    /** Members declared out of alphabetical order, with long and double constants (two pool slots each). */
    @SuppressWarnings("unused")
    static class Declared {
        static final long BIG = 123_456_789_012L;
        double zeta = 2.718281828;
        String alpha = "text";
        long middle = BIG + 7L;

        long zulu(long value) {
            return value + BIG;
        }

        void alpha(double value, String[] names, List<String> more) {
        }

        static int mike() {
            return 1;
        }
    }

    @Test
    void readsFieldsAndMethodsInSourceOrderFromTheClassFile() {
        DeclarationOrder order = DeclarationOrder.of(Declared.class);

        assertThat(order.fields()).containsExactly("BIG", "zeta", "alpha", "middle");
        assertThat(order.methods()).containsExactly("<init>()V", "zulu(J)J",
                "alpha(D[Ljava/lang/String;Ljava/util/List;)V", "mike()I");
    }

    @Test
    void readsTheOrderOfALargerClassItsLoaderServes() throws IOException {
        DeclarationOrder order = DeclarationOrder.of(ClassModelReader.class);

        assertThat(order.methods()).contains("read(Ljava/lang/Class;)Lio/crystallize/definition/ClassModelReader$Reading;");
        assertThat(order.methods().indexOf("read(Ljava/lang/Class;)Lio/crystallize/definition/ClassModelReader$Reading;"))
                .isLessThan(order.methods().indexOf("describe()Lio/crystallize/definition/DeclarationOrder;"));
    }

    @Test
    void aClassWithoutAClassFileHasNoOrder() {
        Runnable lambda = () -> { };

        assertThat(DeclarationOrder.of(lambda.getClass())).isNull();
    }

    @Test
    void refusesBytesThatAreNotAClassFile() throws IOException {
        byte[] bytes;
        try (InputStream in = DeclarationOrderTest.class.getResourceAsStream("DeclarationOrderTest.class")) {
            bytes = in.readAllBytes();
        }
        bytes[0] = 0;

        assertThatThrownBy(() -> DeclarationOrder.parse(bytes)).isInstanceOf(IOException.class);
    }
}
