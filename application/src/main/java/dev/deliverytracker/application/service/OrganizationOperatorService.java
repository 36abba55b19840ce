package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.AuditEntry;
import dev.deliverytracker.application.port.OperatorAccount;
import dev.deliverytracker.application.port.in.AdminOutcome;
import dev.deliverytracker.application.port.in.ManageOrganizationOperators;
import dev.deliverytracker.application.port.out.AuditTrail;
import dev.deliverytracker.application.port.out.OperatorAccounts;
import dev.deliverytracker.application.port.out.OperatorDirectory;
import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.application.port.out.PasswordHasher;
import dev.deliverytracker.application.service.AccessPolicy.Need;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** An organization's operators managed by its administrators, each change audited (never a password). */
public final class OrganizationOperatorService implements ManageOrganizationOperators {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final OperatorAccounts accounts;
    private final OperatorDirectory directory;
    private final OrganizationDirectory organizations;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final SecureRandom random;
    private final Clock clock;

    public OrganizationOperatorService(OperatorAccounts accounts, OperatorDirectory directory,
            OrganizationDirectory organizations, PasswordHasher hasher, AuditTrail audit, SecureRandom random,
            Clock clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.organizations = organizations;
        this.hasher = hasher;
        this.audit = audit;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public synchronized AdminOutcome<Credentials> invite(Actor actor, OrganizationId organization, String username,
            String role) {
        requireUsername(username);
        OperatorRole parsed = roleOf(role);
        Optional<AdminOutcome<Credentials>> refused = allowed(actor, organization, Need.MANAGE);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (accounts.find(username).isPresent()) {
            return new AdminOutcome.Conflict<>("username", "the username '" + username + "' is taken");
        }
        String password = generatePassword();
        accounts.save(new OperatorAccount(username, hasher.hash(password), Map.of(organization, parsed), false));
        write(actor, organization, "operator.invited", Map.of("username", username, "role", parsed.wireName()));
        return AdminOutcome.done(new Credentials(username, password));
    }

    @Override
    public AdminOutcome<Member> disable(Actor actor, OrganizationId organization, String username) {
        return switchTo(actor, organization, username, true);
    }

    @Override
    public AdminOutcome<Member> enable(Actor actor, OrganizationId organization, String username) {
        return switchTo(actor, organization, username, false);
    }

    private synchronized AdminOutcome<Member> switchTo(Actor actor, OrganizationId organization, String username,
            boolean disabled) {
        Optional<AdminOutcome<Member>> refused = allowed(actor, organization, Need.MANAGE);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<OperatorAccount> operator = member(organization, username);
        if (operator.isEmpty()) {
            return new AdminOutcome.NotFound<>("operator " + username);
        }
        Optional<AdminOutcome<Member>> elsewhere = onlyHere(actor, operator.get());
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        if (disabled && isLastEnabledAdmin(organization, operator.get())) {
            return lastAdmin(organization, username);
        }
        if (directory.isDisabled(username) != disabled) {
            directory.setDisabled(username, disabled, clock.instant());
            write(actor, organization, disabled ? "operator.disabled" : "operator.enabled", Map.of("username", username));
        }
        return AdminOutcome.done(new Member(username, operator.get().roleIn(organization).orElseThrow(), disabled));
    }

    @Override
    public synchronized AdminOutcome<Member> changeRole(Actor actor, OrganizationId organization, String username,
            String role) {
        OperatorRole wanted = roleOf(role);
        Optional<AdminOutcome<Member>> refused = allowed(actor, organization, Need.MANAGE);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<OperatorAccount> operator = member(organization, username);
        if (operator.isEmpty()) {
            return new AdminOutcome.NotFound<>("operator " + username);
        }
        OperatorAccount current = operator.get();
        OperatorRole was = current.roleIn(organization).orElseThrow();
        if (wanted != OperatorRole.ADMIN && isLastEnabledAdmin(organization, current)) {
            return lastAdmin(organization, username);
        }
        if (was != wanted) {
            Map<OrganizationId, OperatorRole> roles = new HashMap<>(current.roles());
            roles.put(organization, wanted);
            accounts.save(new OperatorAccount(username, current.passwordHash(), roles, current.platform()));
            write(actor, organization, "operator.role-changed", Map.of("username", username, "role",
                    was.wireName() + " -> " + wanted.wireName()));
        }
        return AdminOutcome.done(new Member(username, wanted, directory.isDisabled(username)));
    }

    @Override
    public synchronized AdminOutcome<Credentials> resetPassword(Actor actor, OrganizationId organization,
            String username) {
        Optional<AdminOutcome<Credentials>> refused = allowed(actor, organization, Need.MANAGE);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<OperatorAccount> operator = member(organization, username);
        if (operator.isEmpty()) {
            return new AdminOutcome.NotFound<>("operator " + username);
        }
        Optional<AdminOutcome<Credentials>> elsewhere = onlyHere(actor, operator.get());
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        String password = generatePassword();
        OperatorAccount current = operator.get();
        accounts.save(new OperatorAccount(username, hasher.hash(password), current.roles(), current.platform()));
        write(actor, organization, "operator.password-reset", Map.of("username", username, "password", "(changed)"));
        return AdminOutcome.done(new Credentials(username, password));
    }

    @Override
    public AdminOutcome<List<Member>> list(Actor actor, OrganizationId organization) {
        Optional<AdminOutcome<List<Member>>> refused = allowed(actor, organization, Need.READ);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<OperatorAccount> members = directory.members(organization);
        Set<String> disabled = directory.disabled(members.stream().map(OperatorAccount::username)
                .collect(Collectors.toSet()));
        return AdminOutcome.done(members.stream().map(operator -> new Member(operator.username(),
                operator.roleIn(organization).orElseThrow(), disabled.contains(operator.username()))).toList());
    }

    @Override
    public boolean isDisabled(String username) {
        return username != null && directory.isDisabled(username);
    }

    /** An organization keeps someone who can manage it: its last enabled administrator stays one. */
    private boolean isLastEnabledAdmin(OrganizationId organization, OperatorAccount operator) {
        return operator.roleIn(organization).orElse(null) == OperatorRole.ADMIN
                && !directory.isDisabled(operator.username())
                && enabledAdmins(organization).equals(Set.of(operator.username()));
    }

    private static <T> AdminOutcome<T> lastAdmin(OrganizationId organization, String username) {
        return new AdminOutcome.Conflict<>("username", "'" + username + "' is the last enabled administrator of "
                + "organization " + organization + "; make another one first");
    }

    private static OperatorRole roleOf(String role) {
        try {
            return OperatorRole.parse(role);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("role: " + unknown.getMessage());
        }
    }

    private Set<String> enabledAdmins(OrganizationId organization) {
        List<OperatorAccount> admins = directory.members(organization).stream()
                .filter(operator -> operator.roleIn(organization).orElse(null) == OperatorRole.ADMIN).toList();
        Set<String> disabled = directory.disabled(admins.stream().map(OperatorAccount::username)
                .collect(Collectors.toSet()));
        return admins.stream().map(OperatorAccount::username).filter(name -> !disabled.contains(name))
                .collect(Collectors.toSet());
    }

    private Optional<OperatorAccount> member(OrganizationId organization, String username) {
        return username == null ? Optional.empty() : accounts.find(username)
                .filter(operator -> operator.organizations().contains(organization));
    }

    /** An operator of several organizations is changed only by someone who administers all of them. */
    private static <T> Optional<AdminOutcome<T>> onlyHere(Actor actor, OperatorAccount operator) {
        for (OrganizationId other : operator.organizations()) {
            if (AccessPolicy.check(actor, other, Need.MANAGE, "").isPresent()) {
                return Optional.of(new AdminOutcome.Forbidden<>("a platform administrator: the operator belongs to "
                        + "other organizations too"));
            }
        }
        return Optional.empty();
    }

    private <T> Optional<AdminOutcome<T>> allowed(Actor actor, OrganizationId organization, Need need) {
        Optional<AdminOutcome<T>> refused = AccessPolicy.check(actor, organization, need,
                "organization " + organization);
        if (refused.isEmpty() && organizations.find(organization).isEmpty()) {
            return Optional.of(new AdminOutcome.NotFound<>("organization " + organization));
        }
        return refused;
    }

    private void write(Actor actor, OrganizationId organization, String action, Map<String, String> changes) {
        audit.record(new AuditEntry(clock.instant(), actor.describe(), Optional.of(organization), action, changes));
    }

    private String generatePassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void requireUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username: 1 to 64 letters, digits or . _ @ -");
        }
    }
}
