package dev.deliverytracker.simulator;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own: {@code java -jar twilio-simulator-*-standalone.jar}. Settings
 * come from {@code -Dtwilio.simulator.*} system properties or {@code TWILIO_SIMULATOR_*}
 * environment variables (see docs/simulator.md).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorSettings settings;
        try {
            settings = SimulatorSettings.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("twilio-simulator: bad setting: " + e.getMessage());
            System.exit(2);
            return;
        }
        TwilioSimulator simulator = TwilioSimulator.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "twilio-sim-shutdown"));
        // Printed, not only logged: whoever starts this must see at once that it is a fake.
        System.out.println(String.join(System.lineSeparator(),
                "==================================================================",
                " TWILIO SIMULATOR - nothing is sent to Twilio, no SMS or WhatsApp",
                " leaves this machine; only the status callbacks you ask for are",
                " posted to the StatusCallback URLs given.",
                "   base URL     : " + simulator.baseUrl(),
                "   account SID  : " + simulator.accountSid(),
                "   auth token   : " + simulator.authToken() + "   (a fake, for this simulator only)",
                "   control API  : " + simulator.baseUrl() + "/simulator/behaviour",
                "   behaviour    : " + settings.behaviour(),
                "   seed         : " + settings.seed(),
                "=================================================================="));
        stopped.await();
    }
}
