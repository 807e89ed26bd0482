using CiamServer.Core.Tenancy;
using CiamServer.Core.Tenancy.Branding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CiamServer.Core.Data.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Slug).HasMaxLength(TenantSlug.MaxLength);
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.DisplayName).HasMaxLength(200);
        builder.OwnsOne(t => t.Branding, branding =>
        {
            branding.Property(b => b.LogoUrl).HasColumnName("branding_logo_url").HasMaxLength(2048);
            branding.Property(b => b.PrimaryColor).HasColumnName("branding_primary_color").HasMaxLength(7);
            branding.Property(b => b.AccentColor).HasColumnName("branding_accent_color").HasMaxLength(7);
            branding.Property(b => b.BackgroundColor).HasColumnName("branding_background_color").HasMaxLength(7);
            branding.Property(b => b.TextColor).HasColumnName("branding_text_color").HasMaxLength(7);
            branding.Property(b => b.CustomCss).HasColumnName("branding_custom_css").HasMaxLength(BrandingRules.MaxCustomCssLength);
        });
        builder.OwnsOne(t => t.PasswordPolicy, policy =>
            policy.Property(p => p.MinLength).HasColumnName("password_min_length"));
        builder.OwnsOne(t => t.SessionPolicy, policy =>
        {
            policy.Property(p => p.IdleTimeoutMinutes).HasColumnName("session_idle_timeout_minutes");
            policy.Property(p => p.AbsoluteLifetimeMinutes).HasColumnName("session_absolute_lifetime_minutes");
        });
        builder.OwnsOne(t => t.SignIn, signIn =>
        {
            signIn.Property(p => p.Password).HasColumnName("sign_in_password");
            signIn.Property(p => p.EmailLink).HasColumnName("sign_in_email_link");
            signIn.Property(p => p.EmailCode).HasColumnName("sign_in_email_code");
            signIn.Property(p => p.SmsCode).HasColumnName("sign_in_sms_code");
            signIn.Property(p => p.Passkey).HasColumnName("sign_in_passkey");
            signIn.Property(p => p.PasskeyRecoveryByEmail).HasColumnName("passkey_recovery_by_email");
            signIn.Property(p => p.RequirePasskeyAttestation).HasColumnName("require_passkey_attestation");
            signIn.Ignore(p => p.AnyEmailCode);
        });
        builder.OwnsOne(t => t.Mfa, mfa =>
        {
            mfa.Property(p => p.Mode).HasColumnName("mfa_mode").HasConversion<string>().HasMaxLength(16);
            mfa.Property(p => p.RequiredForRoles).HasColumnName("mfa_required_for_roles").HasMaxLength(1000);
            mfa.Property(p => p.AllowTotp).HasColumnName("mfa_allow_totp");
            mfa.Property(p => p.AllowWebAuthn).HasColumnName("mfa_allow_webauthn");
            mfa.Property(p => p.AllowSms).HasColumnName("mfa_allow_sms");
            mfa.Property(p => p.AllowEmail).HasColumnName("mfa_allow_email");
            mfa.Property(p => p.RememberDeviceDays).HasColumnName("mfa_remember_device_days");
            mfa.Ignore(p => p.RolesRequiringMfa);
        });
        builder.OwnsOne(t => t.Risk, risk =>
        {
            risk.Property(p => p.StepUpAt).HasColumnName("risk_step_up_at");
            risk.Property(p => p.DenyAt).HasColumnName("risk_deny_at");
        });
        builder.Navigation(t => t.Mfa).IsRequired();
        builder.Navigation(t => t.Risk).IsRequired();
        builder.Navigation(t => t.Branding).IsRequired();
        builder.Navigation(t => t.SignIn).IsRequired();
        builder.Navigation(t => t.PasswordPolicy).IsRequired();
        builder.Navigation(t => t.SessionPolicy).IsRequired();
    }
}
