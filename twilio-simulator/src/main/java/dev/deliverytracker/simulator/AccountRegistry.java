package dev.deliverytracker.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The accounts the simulator accepts, with their auth tokens. */
final class AccountRegistry {

    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> parents = new ConcurrentHashMap<>();
    private final Map<String, java.time.Instant> created = new ConcurrentHashMap<>();

    void register(String accountSid, String authToken) {
        SimulatorSettings.requireAccountSid(accountSid);
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("auth token of " + accountSid + " is required");
        }
        tokens.put(accountSid, authToken);
        created.putIfAbsent(accountSid, java.time.Instant.now());
    }

    /** A subaccount of {@code parentSid}: its own token, and its parent's credentials reach it too, as at Twilio. */
    void registerSubaccount(String parentSid, String accountSid, String authToken) {
        if (!tokens.containsKey(parentSid)) {
            throw new IllegalArgumentException("parent account " + parentSid + " is not registered");
        }
        register(accountSid, authToken);
        parents.put(accountSid, parentSid);
    }

    /** The account that owns {@code accountSid}: its parent for a subaccount, itself for a main account. */
    String ownerOf(String accountSid) {
        return parents.getOrDefault(accountSid, accountSid);
    }

    java.time.Instant createdAt(String accountSid) {
        return created.getOrDefault(accountSid, java.time.Instant.EPOCH);
    }

    boolean exists(String accountSid) {
        return tokens.containsKey(accountSid);
    }

    Optional<String> tokenOf(String accountSid) {
        return Optional.ofNullable(tokens.get(accountSid));
    }

    /** The account a Basic {@code Authorization} header proves, if it proves one. */
    Optional<String> authenticate(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorizationHeader.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String sid = decoded.substring(0, colon);
        String given = decoded.substring(colon + 1);
        String expected = tokens.get(sid);
        // Constant-time compare, as a real server must; cheap to do right even in a fake.
        boolean matches = expected != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
        return matches ? Optional.of(sid) : Optional.empty();
    }
}
