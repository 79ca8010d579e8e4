import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  changePasswordRequestSchema,
  loginRequestSchema,
  type ChangePasswordRequest,
  type CurrentUser as CurrentUserDto,
  type DemoAccountsResponse,
  type LoginRequest,
  type LoginResponse,
} from '@dutylist/shared';
import { ApiZodBody, ZodValidationPipe } from '../../common/zod-validation.pipe';
import { AllowedBeforePasswordChange, CurrentUser, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import type { AuthUser } from './auth-user';
import { LoginThrottleService } from './login-throttle.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** Failed logins are throttled in Redis (see LoginThrottleService); the address is X-Forwarded-For only behind TRUST_PROXY. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiZodBody(loginRequestSchema)
  login(
    @Body(new ZodValidationPipe(loginRequestSchema)) body: LoginRequest,
    @Req() req: Request,
  ): Promise<LoginResponse> {
    const ip = req.ip ?? req.socket.remoteAddress ?? null;
    return this.throttle.run(body.username, ip ?? 'unknown', () =>
      this.auth.login(body, { ip, userAgent: req.headers['user-agent'] ?? null }),
    );
  }

  /** Ends this session: the token stops working at once. */
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @Post('logout')
  @HttpCode(204)
  logout(@CurrentUser() user: AuthUser): Promise<void> {
    return this.auth.logout(user);
  }

  /**
   * Changes the user's own password (policy: passwordProblems in shared), ends their other sessions, and
   * clears a pending one-time password. Wrong current passwords count in the login throttle.
   */
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @Post('change-password')
  @HttpCode(204)
  @ApiZodBody(changePasswordRequestSchema)
  changePassword(
    @CurrentUser() user: AuthUser,
    @Body(new ZodValidationPipe(changePasswordRequestSchema)) body: ChangePasswordRequest,
    @Req() req: Request,
  ): Promise<void> {
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    return this.throttle.run(user.username, ip, () => this.auth.changePassword(user, body));
  }

  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<CurrentUserDto> {
    return this.auth.toCurrentUser(user);
  }

  @Public()
  @Get('demo-accounts')
  demoAccounts(): Promise<DemoAccountsResponse> {
    return this.auth.demoAccounts();
  }
}
