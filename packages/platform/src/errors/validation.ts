import { ValidationPipe } from '@nestjs/common';
import { DomainException } from './domain.exception.js';
import { describeValidationErrors } from './validation-messages.js';
import { cacheValidationMetadata } from '../validation/validation-metadata-cache.js';

/**
 * One ValidationPipe for GraphQL inputs and NATS payloads alike: typed VALIDATION_FAILED error
 * whose message and `details` (FieldProblem[]) are Chinese sentences with the fields' labels.
 */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    // The target lets the factory read each constraint's arguments (lengths, allowed values) and
    // the class's @FieldLabel; it never leaves the process (details are built below).
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => {
      const details = describeValidationErrors(errors);
      const summary = details.flatMap((d) => d.problems).join('');
      return DomainException.validation(`填写的内容不符合要求：${summary || '请核对后重新提交。'}`, details);
    },
  });
}
