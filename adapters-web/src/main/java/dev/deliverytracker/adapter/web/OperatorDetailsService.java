package dev.deliverytracker.adapter.web;

import dev.deliverytracker.application.port.in.ManageOperators;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Spring Security's view of an operator: the stored hash and the role as an authority. */
final class OperatorDetailsService implements UserDetailsService {

    private final ManageOperators operators;

    OperatorDetailsService(ManageOperators operators) {
        this.operators = operators;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return operators.find(username)
                .map(operator -> User.withUsername(operator.username()).password(operator.passwordHash())
                        .roles(operator.role().name()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no operator with that username"));
    }
}
