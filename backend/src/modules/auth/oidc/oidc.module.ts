import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../../config/configuration';
import { UsersModule } from '../../users/users.module';
import { AuthModule } from '../auth.module';
import { OidcClientService } from './oidc-client.service';
import { OidcController } from './oidc.controller';
import { OidcLoginCodes } from './oidc-login-codes';
import { OidcLoginService } from './oidc-login.service';

/**
 * Single sign-on (OpenID Connect) beside the password login. Its JwtService signs only the flow
 * cookie, with a key of its own, so a flow cookie is never accepted as an access token.
 */
@Module({
  imports: [
    AuthModule,
    UsersModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: `${config.JWT_SECRET}:oidc-flow` }),
    }),
  ],
  controllers: [OidcController],
  providers: [OidcClientService, OidcLoginCodes, OidcLoginService],
})
export class OidcModule {}
