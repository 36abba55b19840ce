package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.TwilioAccountCheck;
import dev.deliverytracker.domain.AccountSid;

class ScriptedAccountCheckTest extends TwilioAccountCheckContract {

    private final AccountSid main = DeliveryStoreContract.randomAccount();
    private final ScriptedAccountCheck check = new ScriptedAccountCheck().account(main, "main-token");

    @Override
    protected TwilioAccountCheck check() {
        return check;
    }

    @Override
    protected AccountSid mainAccount() {
        return main;
    }

    @Override
    protected String mainToken() {
        return "main-token";
    }

    @Override
    protected void addSubaccount(AccountSid parent, AccountSid sid, String token) {
        check.subaccount(parent, sid, token);
    }

    @Override
    protected void cutOff() {
        check.unreachable();
    }
}
