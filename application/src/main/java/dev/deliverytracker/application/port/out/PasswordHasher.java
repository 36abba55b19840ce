package dev.deliverytracker.application.port.out;

/** Turns a password into what is stored: a slow, salted hash, never the password. */
public interface PasswordHasher {

    String hash(String password);
}
