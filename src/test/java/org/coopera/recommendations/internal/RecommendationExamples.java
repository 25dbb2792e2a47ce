package org.coopera.recommendations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Forty-one short recommendations written for the tests (not taken from any database), on four
 * themes, mostly English with a few in French, each with its theme labels.
 */
final class RecommendationExamples {

  static final String TORTURE = "theme:torture";
  static final String WOMEN = "theme:women";
  static final String CHILDREN = "theme:children";
  static final String DEATH_PENALTY = "theme:death-penalty";

  private RecommendationExamples() {}

  static List<TaggedText> all() {
    List<TaggedText> examples = new ArrayList<>();
    add(
        examples,
        TORTURE,
        "Investigate all allegations of torture by the national police and bring those"
            + " responsible to justice.",
        "Ensure that all allegations of torture and ill-treatment in places of detention are"
            + " promptly and impartially investigated.",
        "Criminalise torture in the penal code in line with the Convention against Torture.",
        "Establish an independent national preventive mechanism against torture.",
        "Ratify the Optional Protocol to the Convention against Torture.",
        "Train police and prison officers on the absolute prohibition of torture.",
        "Guarantee that confessions obtained under torture are never admitted as evidence.",
        "Provide redress and rehabilitation to all victims of torture and ill-treatment.",
        "Enquêter sur toutes les allégations de torture et poursuivre les responsables.",
        "Prevent torture and ill-treatment of detainees in police custody.");
    add(
        examples,
        WOMEN,
        "Adopt a comprehensive law on violence against women, including domestic violence.",
        "Eliminate discrimination against women in employment and ensure equal pay for women.",
        "Increase the participation of women in political and public life.",
        "Criminalise marital rape and all forms of sexual violence against women.",
        "Establish shelters and support services for women victims of domestic violence.",
        "Repeal provisions of the family code that discriminate against women.",
        "Ensure the equal access of women to land ownership and credit.",
        "Adopter une loi globale sur les violences faites aux femmes.",
        "Combat gender stereotypes that discriminate against women and girls.",
        "Train judges and police to handle complaints of domestic violence against women.");
    add(
        examples,
        CHILDREN,
        "Prohibit corporal punishment of children in all settings, including the home.",
        "Raise the minimum age of marriage to 18 years for girls and boys.",
        "Ensure free and compulsory primary education for all children.",
        "Register all children at birth free of charge.",
        "Combat child labour and the worst forms of child labour.",
        "Protect children from sexual exploitation and trafficking.",
        "Raise the minimum age of criminal responsibility of children.",
        "Develop alternatives to detention for children in conflict with the law.",
        "Interdire les châtiments corporels des enfants dans tous les contextes.",
        "Strengthen child protection services to prevent the abuse and neglect of children.");
    add(
        examples,
        DEATH_PENALTY,
        "Abolish the death penalty for all crimes.",
        "Establish an official moratorium on executions with a view to abolishing the death"
            + " penalty.",
        "Ratify the Second Optional Protocol to the International Covenant on Civil and Political"
            + " Rights, aiming at the abolition of the death penalty.",
        "Commute all death sentences to terms of imprisonment.",
        "Remove the death penalty for drug-related offences.",
        "Reduce the number of crimes punishable by the death penalty.",
        "Abolir la peine de mort en toutes circonstances.",
        "Instaurer un moratoire sur les exécutions en vue d'abolir la peine de mort.",
        "Publish information on death sentences and executions.",
        "Halt all executions and abolish the death penalty.");
    examples.add(
        new TaggedText(
            "Ensure that the death penalty is never imposed on persons who were children at the"
                + " time of the offence.",
            Set.of(DEATH_PENALTY, CHILDREN)));
    return List.copyOf(examples);
  }

  private static void add(List<TaggedText> examples, String label, String... texts) {
    for (String text : texts) {
      examples.add(new TaggedText(text, Set.of(label)));
    }
  }
}
