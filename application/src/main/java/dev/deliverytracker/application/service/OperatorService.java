package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.OperatorAccount;
import dev.deliverytracker.application.port.OrganizationName;
import dev.deliverytracker.application.port.in.ManageOperators;
import dev.deliverytracker.application.port.out.OperatorAccounts;
import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.application.port.out.PasswordHasher;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Operators come from configuration; the first admin from configuration or a generated password. */
public final class OperatorService implements ManageOperators {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    /** Spring Security's DelegatingPasswordEncoder form: the hash names its algorithm. */
    private static final Pattern ENCODED = Pattern.compile("\\{[a-z0-9-]+}.+");

    private final OperatorAccounts accounts;
    private final OrganizationDirectory organizations;
    private final PasswordHasher hasher;
    private final SecureRandom random;

    public OperatorService(OperatorAccounts accounts, OrganizationDirectory organizations, PasswordHasher hasher,
            SecureRandom random) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.hasher = hasher;
        this.random = random;
    }

    @Override
    public void define(String username, String password, OperatorRole role, Set<String> organizationNames,
            boolean platform) {
        requireUsername(username);
        requireRole(username, role);
        if (organizationNames == null || organizationNames.isEmpty()) {
            throw new IllegalArgumentException("operator '" + username + "' must belong to at least one organization");
        }
        List<OrganizationName> found = accounts.organizationsNamed(organizationNames);
        Set<String> missing = new TreeSet<>(organizationNames);
        found.forEach(organization -> missing.remove(organization.name()));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("operator '" + username + "' names organizations that do not exist: "
                    + String.join(", ", missing));
        }
        Map<OrganizationId, OperatorRole> roles = found.stream()
                .collect(Collectors.toMap(OrganizationName::id, organization -> role));
        accounts.save(new OperatorAccount(username, stored(username, password), roles, platform));
    }

    private void requireRole(String username, OperatorRole role) {
        if (role == null) {
            throw new IllegalArgumentException("operator '" + username + "' needs a role (viewer, operator or admin)");
        }
    }

    @Override
    public Optional<String> ensureFirstAdmin(String username, Optional<String> password, OrganizationId organization) {
        if (accounts.any()) {
            return Optional.empty();
        }
        requireUsername(username);
        String chosen = password.filter(given -> !given.isBlank()).orElse(null);
        String generated = chosen == null ? generatePassword() : null;
        accounts.save(new OperatorAccount(username, stored(username, chosen == null ? generated : chosen),
                Map.of(organization, OperatorRole.ADMIN), true));
        return Optional.ofNullable(generated);
    }

    @Override
    public Optional<OperatorAccount> find(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Optional.empty();
        }
        return accounts.find(username);
    }

    @Override
    public List<OrganizationName> organizationsOf(String username) {
        if (find(username).map(OperatorAccount::platform).orElse(false)) {
            return organizations.list().stream()
                    .map(organization -> new OrganizationName(organization.id(), organization.name())).toList();
        }
        return accounts.organizationsOf(username);
    }

    @Override
    public Optional<Actor.Operator> actor(String username) {
        return find(username).map(OperatorAccount::actor);
    }

    private String stored(String username, String password) {
        if (password != null && ENCODED.matcher(password).matches()) {
            return password;
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the password of operator '" + username + "' must be at least "
                    + MIN_PASSWORD_LENGTH + " characters (or a hash written as {bcrypt}...)");
        }
        return hasher.hash(password);
    }

    private String generatePassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void requireUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("an operator's username is 1 to 64 letters, digits or . _ @ -, was '"
                    + username + "'");
        }
    }
}
