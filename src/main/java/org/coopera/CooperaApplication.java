package org.coopera;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Coopera: technical cooperation and capacity-building in human rights. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CooperaApplication {

  public static void main(String[] args) {
    SpringApplication.run(CooperaApplication.class, args);
  }
}
