package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.fake.SendingPaceContract;
import dev.deliverytracker.application.port.out.SendingPace;
import dev.deliverytracker.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresSendingPaceTest extends SendingPaceContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    SendingPace pace;

    @Override
    protected SendingPace pace() {
        return pace;
    }
}
