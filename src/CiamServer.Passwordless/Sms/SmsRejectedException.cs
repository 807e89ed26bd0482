namespace CiamServer.Passwordless.Sms;

/// <summary>The provider refused the message for good (an invalid or blocked number, bad credentials): the
/// delivery service logs it and does not try again. Its message never holds the phone number or the body.</summary>
internal sealed class SmsRejectedException(string message) : Exception(message);
