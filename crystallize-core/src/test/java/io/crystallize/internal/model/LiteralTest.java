package io.crystallize.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LiteralTest {

    @Test
    void parsesAsTheParametersType() {
        assertThat(Literal.parse("d", TypeRef.of("double"), "0.10").value()).isEqualTo(0.1);
        assertThat(Literal.parse("n", TypeRef.of("java.lang.Integer"), "7").value()).isEqualTo(7);
        assertThat(Literal.parse("l", TypeRef.of("long"), "7L").value()).isEqualTo(7L);
        assertThat(Literal.parse("b", TypeRef.of("boolean"), "true").value()).isEqualTo(true);
        assertThat(Literal.parse("s", TypeRef.of("java.lang.String"), "\"a=b\"").value()).isEqualTo("a=b");
        assertThat(Literal.parse("s", TypeRef.of("java.lang.String"), "plain").value()).isEqualTo("plain");
    }

    @Test
    void rejectsValuesOfAnotherType() {
        assertThatThrownBy(() -> Literal.parse("n", TypeRef.of("int"), "0.5"))
                .hasMessageContaining(Messages.LITERAL_UNPARSABLE + " int");
        assertThatThrownBy(() -> Literal.parse("b", TypeRef.of("boolean"), "yes"))
                .hasMessageContaining(Messages.LITERAL_UNPARSABLE + " boolean");
        assertThatThrownBy(() -> Literal.parse("d", TypeRef.of("double"), "NaN"))
                .hasMessageContaining(Messages.LITERAL_UNPARSABLE);
        assertThatThrownBy(() -> Literal.split("discount")).hasMessageContaining(Messages.LITERAL_FORM);
    }

    @Test
    void rendersJavaSourceOfTheBoxedType() {
        assertThat(Literal.parse("d", TypeRef.of("double"), "0.10").javaSource()).isEqualTo("0.1D");
        assertThat(Literal.parse("l", TypeRef.of("long"), "3").javaSource()).isEqualTo("3L");
        assertThat(Literal.parse("c", TypeRef.of("char"), "'").javaSource()).isEqualTo("(char) 39");
        assertThat(Literal.parse("s", TypeRef.of("java.lang.String"), "say \"hi\"\\").javaSource())
                .isEqualTo("\"say \\\"hi\\\"\\\\\"");
    }

    @Test
    void onlySimpleTypesTakeLiterals() {
        assertThat(Literal.supports(TypeRef.of("double"))).isTrue();
        assertThat(Literal.supports(TypeRef.of("java.lang.String"))).isTrue();
        assertThat(Literal.supports(TypeRef.of("java.util.List"))).isFalse();
        assertThat(Literal.supports(TypeRef.of("java.lang.Object"))).isFalse();
    }
}
