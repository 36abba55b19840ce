package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.MessageGateway;
import dev.deliverytracker.application.port.out.SendResult;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.DeliveryError;

class ScriptedMessageGatewayTest extends MessageGatewayContract {

    private final ScriptedMessageGateway gateway = new ScriptedMessageGateway();
    private final AccountSid account = DeliveryStoreContract.randomAccount();

    @Override
    protected MessageGateway gateway() {
        return gateway;
    }

    @Override
    protected AccountSid account() {
        return account;
    }

    @Override
    protected void refuseRecipient(Address to, int code) {
        gateway.refusing(to, DeliveryError.of(code, "refused"));
    }

    @Override
    protected void rateLimitNextSend() {
        gateway.answer(new SendResult.TransientFailure("HTTP 429 Too Many Requests", 429, 20429));
    }

    @Override
    protected void storeButFailNextSend() {
        gateway.storingDespiteFailure().answer(new SendResult.TransientFailure("HTTP 500", 500, 0));
    }

    @Override
    protected int taken() {
        return gateway.stored().size();
    }
}
