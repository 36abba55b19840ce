package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.OperatorAccounts;
import dev.deliverytracker.application.port.out.OperatorDirectory;
import dev.deliverytracker.domain.OrganizationId;

class InMemoryOperatorDirectoryTest extends OperatorDirectoryContract {

    private final InMemoryOperatorAccounts accounts = new InMemoryOperatorAccounts();
    private final InMemoryOperatorDirectory directory = new InMemoryOperatorDirectory(accounts);

    @Override
    protected OperatorDirectory directory() {
        return directory;
    }

    @Override
    protected OperatorAccounts accounts() {
        return accounts;
    }

    @Override
    protected OrganizationId newOrganization(String name) {
        return accounts.addOrganization(name);
    }
}
