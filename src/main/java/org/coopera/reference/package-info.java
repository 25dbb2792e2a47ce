/**
 * Reference data every module shares: the States (UN Member and observer States with their M49
 * regions and LDC/LLDC/SIDS groupings), the 18 international human rights instruments and the
 * declarations under them, the mechanisms (UPR, treaty bodies, special procedures), the SDG
 * framework and the themes and affected groups of the Universal Human Rights Index. Loaded by
 * migration from the files in {@code classpath:reference/}, read-only at run time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reference data")
package org.coopera.reference;
