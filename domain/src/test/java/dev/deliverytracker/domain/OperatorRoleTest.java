package dev.deliverytracker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OperatorRoleTest {

    @Test
    void each_role_includes_the_ones_below_it_and_not_above() {
        assertThat(OperatorRole.ADMIN.includes(OperatorRole.OPERATOR)).isTrue();
        assertThat(OperatorRole.ADMIN.includes(OperatorRole.VIEWER)).isTrue();
        assertThat(OperatorRole.OPERATOR.includes(OperatorRole.VIEWER)).isTrue();
        assertThat(OperatorRole.OPERATOR.includes(OperatorRole.ADMIN)).isFalse();
        assertThat(OperatorRole.VIEWER.includes(OperatorRole.OPERATOR)).isFalse();
    }

    @Test
    void administrator_is_read_as_admin_and_an_unknown_role_is_refused_naming_the_known_ones() {
        assertThat(OperatorRole.parse(" Administrator ")).isEqualTo(OperatorRole.ADMIN);
        assertThat(OperatorRole.parse("operator")).isEqualTo(OperatorRole.OPERATOR);
        assertThatThrownBy(() -> OperatorRole.parse("owner")).hasMessage(
                "role must be one of viewer, operator, admin, was 'owner'");
    }
}
