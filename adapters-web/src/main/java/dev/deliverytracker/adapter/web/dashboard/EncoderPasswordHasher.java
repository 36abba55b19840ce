package dev.deliverytracker.adapter.web.dashboard;

import dev.deliverytracker.application.port.out.PasswordHasher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Operators' passwords hashed by Spring Security's encoder (bcrypt by default, with its id prefix). */
@Component
class EncoderPasswordHasher implements PasswordHasher {

    private final PasswordEncoder encoder;

    EncoderPasswordHasher(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public String hash(String password) {
        return encoder.encode(password);
    }
}
