import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  loginRequestSchema,
  type CurrentUser as CurrentUserDto,
  type DemoAccountsResponse,
  type LoginRequest,
  type LoginResponse,
} from '@dutylist/shared';
import { ApiZodBody, ZodValidationPipe } from '../../common/zod-validation.pipe';
import { CurrentUser, Public } from './auth.decorators';
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
  @Post('logout')
  @HttpCode(204)
  logout(@CurrentUser() user: AuthUser): Promise<void> {
    return this.auth.logout(user);
  }

  @ApiBearerAuth()
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
