package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.OperatorAccount;
import dev.deliverytracker.application.port.out.OperatorDirectory;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Members read from the in-memory operators, disabled ones in a set, for use-case tests. */
public final class InMemoryOperatorDirectory implements OperatorDirectory {

    private final InMemoryOperatorAccounts accounts;
    private final Set<String> disabled = new HashSet<>();

    public InMemoryOperatorDirectory(InMemoryOperatorAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public synchronized List<OperatorAccount> members(OrganizationId organization) {
        return accounts.usernames().stream().flatMap(name -> accounts.find(name).stream())
                .filter(operator -> operator.organizations().contains(organization))
                .sorted(Comparator.comparing(OperatorAccount::username)).toList();
    }

    @Override
    public synchronized Set<String> disabled(Set<String> usernames) {
        return usernames.stream().filter(disabled::contains).collect(Collectors.toSet());
    }

    @Override
    public synchronized boolean isDisabled(String username) {
        return disabled.contains(username);
    }

    @Override
    public synchronized boolean setDisabled(String username, boolean disable, Instant at) {
        if (accounts.find(username).isEmpty()) {
            return false;
        }
        if (disable) {
            disabled.add(username);
        } else {
            disabled.remove(username);
        }
        return true;
    }
}
