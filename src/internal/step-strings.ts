/** The words of the step-by-step layout; a language module replaces them like any other word. */
export interface StepStrings {
  /** Names the header: where the visitor is, Back and the choices so far. */
  bookingSteps: string;
  /** "Step 2 of 5", above the step's name. */
  stepOf: (step: number, steps: number) => string;
  /** The last step's name: the form. */
  detailsStep: string;
  back: string;
  next: string;
  /** Read before a choice made so far (a chip): "Change Service". */
  changeStep: (step: string) => string;
}

export const stepsEn: StepStrings = {
  bookingSteps: 'Booking steps',
  stepOf: (step, steps) => `Step ${step} of ${steps}`,
  detailsStep: 'Your details',
  back: 'Back',
  next: 'Next',
  changeStep: (step) => `Change ${step}:`,
};
