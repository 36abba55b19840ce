package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.OperatorAccounts;
import dev.deliverytracker.domain.OrganizationId;

class InMemoryOperatorAccountsTest extends OperatorAccountsContract {

    private final InMemoryOperatorAccounts accounts = new InMemoryOperatorAccounts();

    @Override
    protected OperatorAccounts accounts() {
        return accounts;
    }

    @Override
    protected OrganizationId newOrganization(String name) {
        return accounts.addOrganization(name);
    }
}
