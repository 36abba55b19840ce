package dev.deliverytracker.adapter.web.dashboard;

import dev.deliverytracker.application.port.in.ManageOperators;
import java.util.function.Predicate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Spring Security's view of an operator: the stored hash, and {@code PLATFORM} as a role for a platform
 * administrator. Roles held in one organization are no authority: the use cases judge them per
 * organization ({@code AccessPolicy}), so everyone else signs in as a plain {@code MEMBER}.
 */
final class OperatorDetailsService implements UserDetailsService {

    private final ManageOperators operators;
    private final Predicate<String> disabled;

    OperatorDetailsService(ManageOperators operators) {
        this(operators, username -> false);
    }

    /** {@code disabled}: operators an administrator disabled, who are refused at sign-in. */
    OperatorDetailsService(ManageOperators operators, Predicate<String> disabled) {
        this.operators = operators;
        this.disabled = disabled;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return operators.find(username)
                .map(operator -> User.withUsername(operator.username()).password(operator.passwordHash())
                        .roles(operator.platform() ? "PLATFORM" : "MEMBER").disabled(disabled.test(operator.username()))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no operator with that username"));
    }
}
