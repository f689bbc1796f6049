import { graphql } from '../gql';

// Operations of 预约: the clerk's 预约管理 screen and the public 网上预约 page (/booking).

export const AppointmentFieldsFragment = graphql(`
  fragment AppointmentFields on Appointment {
    id number unitCode unitName itemCode itemName date slotStart slotEnd citizenName phone channel state stateLabel ticketNumber onTime bookedBy updatedAt
  }
`);

export const AppointmentReceiptFieldsFragment = graphql(`
  fragment AppointmentReceiptFields on AppointmentReceipt { number unitName itemName date slotStart slotEnd state stateLabel phone }
`);

export const BookingOptionsDocument = graphql(`
  query BookingOptions {
    bookableItems { itemCode itemName serviceGroup minutes windows }
    bookingStations { unitCode name }
  }
`);

export const AppointmentDaysDocument = graphql(`
  query AppointmentDays($unitCode: String!, $itemCode: String!, $days: Int) {
    appointmentDays(unitCode: $unitCode, itemCode: $itemCode, days: $days) { date open extended label holidayName closedBy }
  }
`);

export const AppointmentSlotsDocument = graphql(`
  query AppointmentSlots($unitCode: String!, $itemCode: String!, $date: Date!) {
    appointmentSlots(unitCode: $unitCode, itemCode: $itemCode, date: $date) { start end capacity booked remaining extended past }
  }
`);

export const RequestBookingCodeDocument = graphql(`
  mutation RequestBookingCode($input: RequestBookingCodeInput!) { requestBookingCode(input: $input) { expiresInSeconds } }
`);

export const BookAppointmentOnlineDocument = graphql(`
  mutation BookAppointmentOnline($input: BookOnlineInput!) { bookAppointmentOnline(input: $input) { ...AppointmentReceiptFields } }
`);

export const CancelAppointmentOnlineDocument = graphql(`
  mutation CancelAppointmentOnline($input: CitizenBookingChangeInput!) { cancelAppointmentOnline(input: $input) { ...AppointmentReceiptFields } }
`);

export const RescheduleAppointmentOnlineDocument = graphql(`
  mutation RescheduleAppointmentOnline($input: CitizenBookingChangeInput!) { rescheduleAppointmentOnline(input: $input) { ...AppointmentReceiptFields } }
`);

export const AppointmentsOfDayDocument = graphql(`
  query AppointmentsOfDay($unitCode: String, $date: Date, $itemCode: String) { appointmentsOfDay(unitCode: $unitCode, date: $date, itemCode: $itemCode) { ...AppointmentFields } }
`);

export const AppointmentDetailsDocument = graphql(`
  query AppointmentDetails($id: ID!, $purpose: String!) { appointmentDetails(id: $id, purpose: $purpose) { ...AppointmentFields } }
`);

export const BookAppointmentByHotlineDocument = graphql(`
  mutation BookAppointmentByHotline($input: BookSlotInput!) { bookAppointmentByHotline(input: $input) { ...AppointmentFields } }
`);

export const CancelAppointmentDocument = graphql(`
  mutation CancelAppointment($id: ID!) { cancelAppointment(id: $id) { ...AppointmentFields } }
`);

export const RescheduleAppointmentDocument = graphql(`
  mutation RescheduleAppointment($input: RescheduleAppointmentInput!) { rescheduleAppointment(input: $input) { ...AppointmentFields } }
`);

export const CheckInAppointmentDocument = graphql(`
  mutation CheckInAppointment($input: CheckInAppointmentInput!) { checkInAppointment(input: $input) { ticketNumber priority ahead appointment { ...AppointmentFields } } }
`);

export const AppointmentClosuresDocument = graphql(`
  query AppointmentClosures { appointmentClosures { id unitCode unitName dateFrom dateTo itemCodes reason cancelledCount createdBy createdAt } }
`);

export const AddAppointmentClosureDocument = graphql(`
  mutation AddAppointmentClosure($input: AddAppointmentClosureInput!) {
    addAppointmentClosure(input: $input) { id unitCode unitName dateFrom dateTo itemCodes reason cancelledCount createdBy createdAt }
  }
`);
